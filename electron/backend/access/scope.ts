import type { Database } from '../db/database';
import type { SqlValue } from '../db/driver';

/**
 * The resources whose rows the access policy filters, each with the table and
 * the alias its repository's queries use for it; a scope's SQL is written
 * against that alias.
 */
export const scopedTables = {
  peers: { table: 'peers', alias: 'p' },
  sessionLogs: { table: 'session_logs', alias: 'l' },
  cases: { table: 'cases', alias: 'c' },
  helpSeekers: { table: 'help_seekers', alias: 'h' },
  evaluations: { table: 'peer_evaluations', alias: 'e' },
  outcomes: { table: 'outcome_measures', alias: 'm' },
  meetings: { table: 'supervision_meetings', alias: 'sm' },
  groups: { table: 'supervision_groups', alias: 'g' },
} as const;
export type Resource = keyof typeof scopedTables;

declare const scopeOf: unique symbol;

/**
 * Which rows of one resource the caller may see: an SQL condition over the
 * resource's alias, with its parameters. The same scope is the WHERE of a
 * list and the check of a single read (`canSee`), so the two cannot disagree.
 * Repositories take one for every read of a scoped resource; only
 * electron/backend/access/ makes them (the brand below cannot be written
 * elsewhere without a cast, and tests/unit/accessScopes.test.ts checks that
 * nothing outside access/ imports this module's values).
 */
export interface Scope<R extends Resource> {
  readonly [scopeOf]: R;
  readonly resource: R;
  readonly where: string;
  readonly params: readonly SqlValue[];
}

export function makeScope<R extends Resource>(resource: R, where: string, params: readonly SqlValue[] = []): Scope<R> {
  return { resource, where: `(${where})`, params } as unknown as Scope<R>;
}

export const everyRow = <R extends Resource>(resource: R): Scope<R> => makeScope(resource, '1');
export const noRow = <R extends Resource>(resource: R): Scope<R> => makeScope(resource, '0');

/**
 * The rows of `resource` whose `column` names a row `inner` lets through. When `inner` is every
 * row, so is this: no subquery of every id for SQLite to build on each call (12 ms a query for
 * 30,000 help-seekers).
 */
export function rowsNaming<R extends Resource, I extends Resource>(resource: R, column: string, inner: Scope<I>): Scope<R> {
  if (inner.where === everyRow(inner.resource).where) return everyRow(resource);
  const { table, alias } = scopedTables[inner.resource];
  return makeScope(resource, `${column} IN (SELECT ${alias}.id FROM ${table} ${alias} WHERE ${inner.where})`, inner.params);
}

/** The single read: the list's condition and `id = ?`, so a row is visible exactly when the list would show it. */
export async function canSee<R extends Resource>(db: Database, scope: Scope<R>, id: number): Promise<boolean> {
  const { table, alias } = scopedTables[scope.resource];
  const row = await db.get(`SELECT 1 AS x FROM ${table} ${alias} WHERE ${scope.where} AND ${alias}.id = ?`, [...scope.params, id]);
  return row !== undefined;
}
