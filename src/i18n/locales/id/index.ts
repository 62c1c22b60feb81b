import type { Widen } from '../widen';
import type { en } from '../en';
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

/** Bahasa Indonesia: the same keys as English, one file per area. */
export const id: Widen<typeof en> = { ...common, ...auth, ...shell, ...peers, ...training, ...outreach, ...sessions, ...cases, ...users, ...settings, ...audit, ...backups, ...supervision, ...reports, ...evaluation, ...jobs, ...today };
