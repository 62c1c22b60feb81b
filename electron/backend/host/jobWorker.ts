/**
 * The thread of the long jobs (issue 12): read-only connections of a synchronous driver and
 * the term PDF's layout run here, so a seconds-long `integrity_check`, `VACUUM INTO` or pdfmake
 * layout never holds the backend's own thread, where every other call is answered. Started by
 * jobThread.ts; bundled by electron-vite as out/main/jobWorker.js. It holds the data key only
 * inside the connections it has open, and writes nothing but what those connections write.
 */
import { parentPort } from 'node:worker_threads';
import type { Connection, SqlValue } from '../db/driver';
import { driverByName } from '../db/drivers';
import { createRequire } from 'node:module';
import type { termPdf as TermPdf } from '../reports/termPdf';
import type { reportTexts as ReportTexts } from '../reports/texts';
import type { JobReply, JobRequest, ThreadError } from './jobProtocol';

const port = parentPort;
if (!port) throw new Error('job worker: started outside a worker thread');

interface ReportModules {
  termPdf: typeof TermPdf;
  reportTexts: typeof ReportTexts;
}

/**
 * The PDF's modules, loaded at the first PDF: with the contract they bring along they are two
 * thirds of what this thread would hold while it waits (30 MB instead of 11). In the app they are
 * a chunk of their own (import()); from the TypeScript source (development, the tests, the bench)
 * tsx runs this thread through its require hook, which an import() would go around.
 */
async function reportModules(): Promise<ReportModules> {
  if (__filename.endsWith('.ts')) {
    const load = createRequire(__filename);
    return { termPdf: (load('../reports/termPdf') as ReportModules).termPdf, reportTexts: (load('../reports/texts') as ReportModules).reportTexts };
  }
  const [pdf, texts] = await Promise.all([import('../reports/termPdf'), import('../reports/texts')]);
  return { termPdf: pdf.termPdf, reportTexts: texts.reportTexts };
}

const connections = new Map<number, Connection>();
let nextConnection = 1;

// Structured cloning turns a Buffer into a plain Uint8Array; the drivers bind and return Buffers.
const asBuffer = (value: Uint8Array) => Buffer.from(value.buffer, value.byteOffset, value.byteLength);
const bindable = (params: readonly SqlValue[]) => params.map((value) => (value instanceof Uint8Array ? asBuffer(value) : value));

function connection(id: number): Connection {
  const found = connections.get(id);
  if (!found) throw new Error('This connection is closed.');
  return found;
}

async function handle(request: JobRequest): Promise<unknown> {
  switch (request.op) {
    case 'open': {
      const key = asBuffer(request.key);
      try {
        const opened = await driverByName(request.driver).open(request.file, { key, create: request.create });
        const id = nextConnection++;
        connections.set(id, opened);
        return id;
      } finally {
        key.fill(0);
      }
    }
    case 'exec':
      return connection(request.conn).exec(request.sql);
    case 'run':
      return connection(request.conn).run(request.sql, bindable(request.params));
    case 'get':
      return connection(request.conn).get(request.sql, bindable(request.params));
    case 'all':
      return connection(request.conn).all(request.sql, bindable(request.params));
    case 'cipherIntegrityCheck':
      return connection(request.conn).cipherIntegrityCheck(request.options);
    case 'close': {
      const closing = connections.get(request.conn);
      connections.delete(request.conn);
      await closing?.close();
      return undefined;
    }
    case 'termPdf': {
      const { termPdf, reportTexts } = await reportModules();
      return new Uint8Array(await termPdf(request.report, reportTexts(request.language), request.today));
    }
  }
}

function threadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
}

port.on('message', (message: { id: number } & JobRequest) => {
  void handle(message).then(
    (value) => {
      const reply: JobReply = { id: message.id, ok: true, value };
      port.postMessage(reply, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => port.postMessage({ id: message.id, ok: false, error: threadError(error) } satisfies JobReply),
  );
});
