import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Connection, Driver, DriverName } from '../../../electron/backend/db/driver';
import { driverByName, driverNames } from '../../../electron/backend/db/drivers';
import { tempDir } from '../support/backend';

export { driverNames };

/** The other driver: what a file made by `name` must also open with. */
export function otherDriver(name: DriverName): DriverName {
  return driverNames.find((candidate) => candidate !== name)!;
}

/** Every ordered pair (made with, opened with) of different drivers. */
export const driverPairs: Array<[DriverName, DriverName]> = driverNames.map((name) => [name, otherDriver(name)]);

const open: Connection[] = [];

afterEach(async () => {
  while (open.length) await open.pop()!.close().catch(() => undefined);
});

/** Opens with a driver and closes the connection after the test. */
export async function openWith(driver: DriverName | Driver, file: string, key: Buffer, create = false): Promise<Connection> {
  const connection = await (typeof driver === 'string' ? driverByName(driver) : driver).open(file, { key, create });
  open.push(connection);
  return connection;
}

export function newKey(): Buffer {
  return randomBytes(32);
}

export function newFile(name = 'vault.db'): string {
  return path.join(tempDir('sebaya-driver-'), name);
}

/**
 * Everything a database holds, in a form two drivers can be compared by:
 * the schema version, every schema object and every row of every table
 * (FTS shadow tables included), rows sorted so storage order does not matter.
 */
export async function contentsOf(connection: Connection): Promise<{
  userVersion: number;
  schema: Array<{ type: string; name: string; sql: string | null }>;
  rows: Record<string, string[]>;
}> {
  const version = await connection.get<{ user_version: number }>('PRAGMA user_version');
  const schema = await connection.all<{ type: string; name: string; sql: string | null }>(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
  );
  const rows: Record<string, string[]> = {};
  for (const table of schema.filter((object) => object.type === 'table')) {
    const found = await connection.all<Record<string, unknown>>(`SELECT * FROM "${table.name.replace(/"/g, '""')}"`);
    rows[table.name] = found.map((row) => JSON.stringify(row, (_key, value: unknown) => serialise(value))).sort();
  }
  return { userVersion: Number(version?.user_version ?? 0), schema, rows };
}

function serialise(value: unknown): unknown {
  if (typeof value === 'bigint') return `bigint:${value}`;
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') {
    return `blob:${Buffer.from((value as { data: number[] }).data).toString('hex')}`;
  }
  return value;
}

/** Damages one page of a closed database file the way a failing disk or an outside edit would. */
export function damagePage(file: string, pageNumber: number, pageSize = 4096): void {
  const fd = openSync(file, 'r+');
  try {
    // Past page 1's salt and inside the ciphertext, so only the HMAC can notice.
    writeSync(fd, Buffer.from([0xde, 0xad, 0xbe, 0xef]), 0, 4, (pageNumber - 1) * pageSize + 200);
  } finally {
    closeSync(fd);
  }
}

export function pageCount(file: string, pageSize = 4096): number {
  return readFileSync(file).length / pageSize;
}
