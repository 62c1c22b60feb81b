import type { Database } from '../database';

/** One schema step. Signal-style: one file per version, each a function of the database. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): Promise<void>;
}
