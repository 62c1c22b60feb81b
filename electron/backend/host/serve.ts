import type { MessagePort } from 'node:worker_threads';
import { fail } from '../../../src/contract';
import type { Backend } from '../backend';
import { describeErrorSafely, type Logger } from '../logger';
import { isHostRequest, type HostReply, type HostRequest, type WorkerMessage } from './protocol';

/** The one port the worker talks through: `parentPort` in a worker, a MessageChannel end in tests. */
export type Port = Pick<MessagePort, 'postMessage' | 'on'>;

const internal = fail({ code: 'INTERNAL', message: 'Something went wrong inside Sebaya. Nothing was changed.' });

/**
 * Answers the main thread's requests with the backend. Requests are handled
 * as they arrive; the backend's dispatcher serialises them, exactly as it does
 * in process, so moving it into a worker changes no ordering.
 */
export function serveBackend(port: Port, backend: Promise<Backend>, logger: Logger): void {
  const post = (message: WorkerMessage): void => {
    try {
      port.postMessage(message);
    } catch (error) {
      // A result that cannot be cloned is a bug in a handler; the caller still gets an answer.
      logger.error('worker reply could not be sent', describeErrorSafely(error));
      if (message.type === 'reply') port.postMessage({ type: 'reply', id: message.id, op: 'call', result: internal });
    }
  };

  port.on('message', (message: unknown) => {
    if (!isHostRequest(message)) {
      logger.warn('worker request refused', { reason: 'shape' });
      const id = (message as { id?: unknown } | null)?.id;
      if (typeof id === 'number') post({ type: 'reply', id, op: 'call', result: internal });
      return;
    }
    void answer(message, backend).then(post, (error: unknown) => {
      logger.error('worker request failed', { op: message.op, ...describeErrorSafely(error) });
      post({ type: 'reply', id: message.id, op: message.op, failed: describeErrorSafely(error).name ?? 'Error' });
    });
  });
}

async function answer(request: HostRequest, backend: Promise<Backend>): Promise<HostReply> {
  const ready = await backend;
  switch (request.op) {
    case 'call':
      return { type: 'reply', id: request.id, op: 'call', result: await ready.call(request.method, request.input) };
    case 'lockNow':
      await ready.lockNow(request.reason);
      return { type: 'reply', id: request.id, op: 'lockNow' };
    case 'lockIfIdle':
      return { type: 'reply', id: request.id, op: 'lockIfIdle', locked: await ready.lockIfIdle() };
  }
}
