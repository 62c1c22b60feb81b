import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, promises as fs, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createBackend, type Backend } from '../electron/backend/backend';
import type { Driver } from '../electron/backend/db/driver';
import type { Logger } from '../electron/backend/logger';
import type { KdfCost } from '../electron/backend/vault/kdf';
import { resolveAppRequest, responseHeaders } from '../electron/main/protocol';
import { appOrigin } from '../electron/main/security';

/**
 * The web harness: the real backend in Node on 127.0.0.1 behind a random
 * per-run token, and the real renderer, so both meet in a browser on machines
 * without an Electron binary. For development and end-to-end tests only; the
 * packaged app never contains it.
 */
export interface HarnessOptions {
  dataDir: string;
  port?: number;
  /** Serve this built renderer (out/renderer). Without it, Vite serves src/ with hot reload. */
  rendererDir?: string;
  kdfCost?: KdfCost;
  driver?: Driver;
  logger?: Logger;
  /**
   * The slow-PC profile of the e2e suite: every answer waits a random 0 to this many ms after the
   * backend made it, so answers come late and out of the order the screen asked (as on a busy
   * school PC). Calls still reach the backend in order, as through Electron's IPC.
   */
  answerDelayMs?: number;
}

/** A call the backend refused because its caller may not make it or its input was not valid. */
export interface Refusal {
  method: string;
  code: 'FORBIDDEN' | 'VALIDATION';
  message: string;
  field?: string;
  reason?: string;
}

export interface Harness {
  url: string;
  token: string;
  backend: Backend;
  /**
   * Every FORBIDDEN or VALIDATION answer the page was given, in order. A screen should only ask what
   * its user may ask, with valid input (issue 14); the e2e suite fails a test on one it did not expect.
   */
  refusals: Refusal[];
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;
const repoRoot = path.resolve(__dirname, '..');

export function tokenMeta(token: string): string {
  return `<meta name="sebaya-harness-token" content="${token}" />`;
}

function injectToken(html: string, token: string): string {
  return html.replace('<head>', `<head>\n    ${tokenMeta(token)}`);
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = randomBytes(24).toString('hex');
  const backend = createBackend({
    dataDir: options.dataDir,
    ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}),
    ...(options.driver ? { driver: options.driver } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  let allowedHosts: string[] = [];
  const refusals: Refusal[] = [];

  const handleApi = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    // The Host check stops DNS rebinding; the token stops every other page and process on this PC.
    if (!allowedHosts.includes(request.headers.host ?? '') || !sameToken(request.headers['x-sebaya-token'] as string, token)) {
      sendJson(response, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Not allowed.' } });
      return;
    }
    if (request.method !== 'POST' || !String(request.headers['content-type']).startsWith('application/json')) {
      sendJson(response, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Use POST with JSON.' } });
      return;
    }
    let body: { method?: unknown; input?: unknown };
    try {
      body = JSON.parse(await readBody(request)) as typeof body;
    } catch {
      sendJson(response, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request is not valid JSON.', field: 'input' } });
      return;
    }
    // `null`, a number or a list is well-formed JSON but no request: say so, as for bad JSON.
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendJson(response, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request must be a JSON object.', field: 'input' } });
      return;
    }
    const answer = await backend.call(body.method, body.input);
    if (!answer.ok && (answer.error.code === 'FORBIDDEN' || answer.error.code === 'VALIDATION')) {
      const { code, message, field, reason } = answer.error;
      refusals.push({ method: String(body.method), code, message, ...(field ? { field } : {}), ...(reason ? { reason } : {}) });
    }
    if (options.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * (options.answerDelayMs ?? 0)));
    sendJson(response, 200, answer);
  };

  const serveBuilt = async (request: http.IncomingMessage, response: http.ServerResponse, rendererDir: string) => {
    const urlPath = (request.url ?? '/').split('?')[0] ?? '/';
    const resolved = resolveAppRequest(`${appOrigin}${urlPath}`, rendererDir, (file) => existsSync(file) && statSync(file).isFile(), request.method);
    if (resolved.kind === 'refused') {
      response.writeHead(resolved.status).end();
      return;
    }
    const headers = responseHeaders(resolved.contentType);
    if (resolved.filePath.endsWith('index.html')) {
      const html = injectToken(await fs.readFile(resolved.filePath, 'utf8'), token);
      response.writeHead(200, headers).end(html);
      return;
    }
    response.writeHead(200, headers).end(await fs.readFile(resolved.filePath));
  };

  let viteMiddleware: ((req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void) | null = null;
  let closeVite: (() => Promise<void>) | null = null;

  const server = http.createServer((request, response) => {
    const route = async () => {
      if ((request.url ?? '').startsWith('/__sebaya/')) return handleApi(request, response);
      // The page carries the token: a page of another origin that rebinds a name to 127.0.0.1 must not read it.
      if (!allowedHosts.includes(request.headers.host ?? '')) {
        response.writeHead(403).end();
        return;
      }
      if (options.rendererDir) return serveBuilt(request, response, options.rendererDir);
      if (viteMiddleware) return viteMiddleware(request, response, () => response.writeHead(404).end());
      response.writeHead(503).end();
    };
    route().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];

  if (!options.rendererDir) {
    const { createServer } = await import('vite');
    const react = (await import('@vitejs/plugin-react')).default;
    const vite = await createServer({
      configFile: false,
      root: path.join(repoRoot, 'src'),
      appType: 'spa',
      plugins: [
        react(),
        {
          name: 'sebaya-harness-token',
          // In development the React refresh preamble is an inline script, which the production CSP forbids.
          transformIndexHtml: (html) => injectToken(html, token).replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*\/>/s, ''),
        },
      ],
      server: { middlewareMode: true, hmr: { server } },
    });
    viteMiddleware = vite.middlewares;
    closeVite = () => vite.close();
  }

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    backend,
    refusals,
    async close() {
      await backend.lockNow('manual').catch(() => undefined);
      await closeVite?.();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A browser keeps connections open; without this, closing waits for them to time out.
        server.closeAllConnections();
      });
    },
  };
}

export function defaultRendererDir(): string {
  return path.join(repoRoot, 'out', 'renderer');
}
