import type { MethodName, MethodOutput, Result } from '../../src/contract';
import type { MethodInput } from '../../src/contract';
import { systemClock, type Clock } from './clock';
import type { Driver } from './db/driver';
import { defaultDriver, driverByName } from './db/drivers';
import { offThreadWork } from './host/jobThread';
import { Dispatcher } from './dispatcher';
import { Context, type HandlerMap } from './handler';
import { silentLogger, type Logger } from './logger';
import { auditHandlers } from './services/audit';
import { backupsHandlers } from './services/backups';
import { casesHandlers } from './services/cases';
import { dashboardHandlers } from './services/dashboard';
import { todayHandlers } from './services/today';
import { evaluationHandlers } from './services/evaluation';
import { helpSeekersHandlers } from './services/helpSeekers';
import { jobsHandlers } from './services/jobs';
import { outreachHandlers } from './services/outreach';
import { peersHandlers } from './services/peers';
import { reportsHandlers } from './services/reports';
import { desktopHandlers } from './services/desktop';
import { searchHandlers } from './services/search';
import { sessionHandlers } from './services/session';
import { sessionLogsHandlers } from './services/sessionLogs';
import { settingsHandlers } from './services/settings';
import { supervisionHandlers } from './services/supervision';
import { trainingHandlers } from './services/training';
import { usersHandlers } from './services/users';
import { Session, type OffThreadWork } from './session';
import type { KdfCost } from './vault/kdf';
import type { SwitchHooks } from './backup/restore';
import type { SlotChangeHooks } from './vault/slotChanges';

export const handlers: HandlerMap<MethodName> = {
  ...sessionHandlers,
  ...usersHandlers,
  ...peersHandlers,
  ...trainingHandlers,
  ...outreachHandlers,
  ...helpSeekersHandlers,
  ...sessionLogsHandlers,
  ...casesHandlers,
  ...searchHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...dashboardHandlers,
  ...todayHandlers,
  ...backupsHandlers,
  ...supervisionHandlers,
  ...evaluationHandlers,
  ...reportsHandlers,
  ...desktopHandlers,
  ...jobsHandlers,
};

export interface BackendOptions {
  dataDir: string;
  driver?: Driver;
  clock?: Clock;
  logger?: Logger;
  /** scrypt cost for new key slots; tests pass a cheap one, the app calibrates. */
  kdfCost?: KdfCost;
  /** Crash tests only (tests/unit/restoreCrash.test.ts). */
  switchHooks?: SwitchHooks;
  /** Crash tests only (tests/unit/keySlotCrash.test.ts). */
  slotChangeHooks?: SlotChangeHooks;
  /**
   * Where the long jobs' connections and the term PDF are made. By default the PDF on the long
   * jobs' thread (host/jobThread.ts), and the connections too for a synchronous built-in driver;
   * a stand-in driver of a test keeps its connections here, where it can hold them.
   */
  offThread?: OffThreadWork;
}

export interface Backend {
  /** The one entry point for every transport: a method name and untrusted input in, a result out. */
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** Typed convenience for the CLI and tests; same checks as `call`. */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Locks from outside a call (OS screen lock, suspend, quitting). */
  lockNow(reason: 'os' | 'idle' | 'manual'): Promise<void>;
  /** Locks when idle for longer than the setting allows; returns whether it did. */
  lockIfIdle(): Promise<boolean>;
  readonly session: Session;
}

export function createBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const driver = options.driver ?? defaultDriver();
  const session = new Session({
    dataDir: options.dataDir,
    driver,
    clock,
    logger,
    kdfCost: options.kdfCost,
    switchHooks: options.switchHooks,
    slotChangeHooks: options.slotChangeHooks,
    offThread: options.offThread ?? offThreadWork(driver, { connections: driver === driverByName(driver.name) }),
  });
  const dispatcher = new Dispatcher(session, handlers, new Context(session, clock, logger), logger);
  return {
    call: (method, input) => dispatcher.call(method, input),
    invoke: (method, input) => dispatcher.call(method, input) as never,
    lockNow: (reason) => dispatcher.serialize(() => session.lock(reason)),
    lockIfIdle: () => dispatcher.serialize(() => session.lockIfIdle()),
    session,
  };
}
