import type { Connection, Driver } from '../../../electron/backend/db/driver';
import { defaultDriver } from '../../../electron/backend/db/drivers';

/**
 * A driver stand-in for the long jobs (issue 12): it holds each statement of a job's connection
 * that `holds` names until the test lets it go, so "while the job runs" is a fact, not a timing
 * guess. `started` once the first is held, `next()` for each held statement in turn (to look at
 * the job at each one), `release()` for all. The first connection it opens is the vault's own
 * and is never held; the later ones are readers beside the queue, or a backup's copy being checked.
 * A stand-in keeps its connections on the backend's thread (backend.ts, offThread).
 */
export interface Stop {
  sql: string;
  go(): void;
}

/** How a statement is run: `get` for one row (the pragmas among them), `all` for rows, `run` for a change. */
export type StatementKind = 'get' | 'all' | 'run';

export function heldReaders(holds: (sql: string, kind: StatementKind) => boolean = (sql, kind) => kind !== 'get' && sql.includes('FROM audit_log')) {
  const real = defaultDriver();
  let releaseAll: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (releaseAll = resolve));
  let reading: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (reading = resolve));
  const arrived: Stop[] = [];
  const waiting: Array<(stop: Stop) => void> = [];
  const hold = async (sql: string, kind: StatementKind) => {
    if (!holds(sql, kind)) return;
    reading();
    let go: () => void = () => undefined;
    const one = new Promise<void>((resolve) => (go = resolve));
    const stop = { sql, go };
    const waiter = waiting.shift();
    if (waiter) waiter(stop);
    else arrived.push(stop);
    await Promise.race([one, released]);
  };
  let opened = 0;
  const driver: Driver = {
    name: real.name,
    async open(file, options) {
      const connection = await real.open(file, options);
      opened += 1;
      if (opened === 1) return connection;
      const held: Connection = {
        ...connection,
        exec: (sql) => connection.exec(sql),
        get: async (sql, params) => {
          await hold(sql, 'get');
          return connection.get(sql, params);
        },
        all: async (sql, params) => {
          await hold(sql, 'all');
          return connection.all(sql, params);
        },
        run: async (sql, params) => {
          await hold(sql, 'run');
          return connection.run(sql, params);
        },
        cipherIntegrityCheck: (options) => connection.cipherIntegrityCheck(options),
        close: () => connection.close(),
      };
      return held;
    },
  };
  const next = () => {
    const stop = arrived.shift();
    return stop ? Promise.resolve(stop) : new Promise<Stop>((resolve) => waiting.push(resolve));
  };
  return { driver, started, next, release: () => releaseAll() };
}
