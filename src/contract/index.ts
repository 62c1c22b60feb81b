import type { z } from 'zod';
import { auditMethods } from './areas/audit';
import { backupsMethods } from './areas/backups';
import { casesMethods } from './areas/cases';
import { dashboardMethods } from './areas/dashboard';
import { desktopMethods } from './areas/desktop';
import { evaluationMethods } from './areas/evaluation';
import { helpSeekersMethods } from './areas/helpSeekers';
import { jobsMethods } from './areas/jobs';
import { outreachMethods } from './areas/outreach';
import { peersMethods } from './areas/peers';
import { reportsMethods } from './areas/reports';
import { searchMethods } from './areas/search';
import { sessionLogsMethods } from './areas/sessionLogs';
import { sessionMethods } from './areas/session';
import { settingsMethods } from './areas/settings';
import { supervisionMethods } from './areas/supervision';
import { todayMethods } from './areas/today';
import { trainingMethods } from './areas/training';
import { usersMethods } from './areas/users';
import type { MethodSpec } from './method';

/** The whole contract: every operation the renderer, the CLI or a test can ask of the backend. */
export const methods = {
  ...sessionMethods,
  ...usersMethods,
  ...peersMethods,
  ...trainingMethods,
  ...outreachMethods,
  ...helpSeekersMethods,
  ...sessionLogsMethods,
  ...casesMethods,
  ...searchMethods,
  ...settingsMethods,
  ...auditMethods,
  ...dashboardMethods,
  ...backupsMethods,
  ...supervisionMethods,
  ...evaluationMethods,
  ...reportsMethods,
  ...desktopMethods,
  ...jobsMethods,
  ...todayMethods,
} satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export * from './result';
export * from './roles';
export * from './fields';
export * from './paging';
export * from './validation';
export * from './csv';
export type { MethodSpec } from './method';
export * from './areas/session';
export * from './areas/users';
export * from './areas/peers';
export * from './areas/training';
export * from './areas/outreach';
export * from './areas/helpSeekers';
export * from './areas/sessionLogs';
export * from './areas/cases';
export * from './areas/search';
export * from './dates';
export * from './terms';
export * from './areas/settings';
export * from './areas/audit';
export * from './areas/dashboard';
export * from './areas/backups';
export * from './areas/supervision';
export * from './areas/evaluation';
export * from './areas/reports';
export * from './areas/jobs';
export * from './areas/today';
export * from './instruments';
export * from './rubric';
