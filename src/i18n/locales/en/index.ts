import { audit } from './audit';
import { auth } from './auth';
import { backups } from './backups';
import { cases } from './cases';
import { common } from './common';
import { evaluation } from './evaluation';
import { jobs } from './jobs';
import { outreach } from './outreach';
import { peers } from './peers';
import { reports } from './reports';
import { sessions } from './sessions';
import { settings } from './settings';
import { shell } from './shell';
import { supervision } from './supervision';
import { today } from './today';
import { training } from './training';
import { users } from './users';

/**
 * English texts, one file per area (add an area's file here). The Indonesian
 * files must have exactly the same keys: their types are derived from these,
 * so a missing translation fails the typecheck.
 */
export const en = { ...common, ...auth, ...shell, ...peers, ...training, ...outreach, ...sessions, ...cases, ...users, ...settings, ...audit, ...backups, ...supervision, ...reports, ...evaluation, ...jobs, ...today } as const;
