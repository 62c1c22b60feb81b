import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-peer-program';
import { migration0003 } from './0003-sessions-and-cases';
import { migration0004 } from './0004-supervision-and-evaluation';
import { migration0005 } from './0005-key-slot-changes';
import { migration0006 } from './0006-paging-indexes';
import type { Migration } from './migration';

/** In order. A new schema version is a new file here, never an edit of an old one. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006];

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
