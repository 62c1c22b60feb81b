import { jobSteps, type JobKind, type JobProgress, type JobStep, type Language, type TermReport } from '../../../src/contract';
import type { Driver } from '../db/driver';
import { conflict } from '../errors';

/**
 * What the long jobs run off the backend's own thread (issue 12), put together where the
 * backend is (host/jobThread.ts): `driver` opens their connections beside the call queue (for a
 * synchronous driver, on a thread of their own), and the term PDF's layout, seconds of CPU at
 * district scale, is made there too. Without it both run on the backend's thread.
 */
export interface OffThreadWork {
  readonly driver: Driver;
  termPdf(report: TermReport, language: Language, today: string): Promise<Buffer>;
  /** A vault was opened: jobs may come. */
  vaultOpened(): void;
}

/**
 * How much of each kind's time its steps take, measured at district scale (bench/scale), so the
 * percent on the screen moves at about the pace of the clock; steps absent here weigh 1.
 */
const weights: Partial<Record<JobKind, Partial<Record<JobStep, number>>>> = {
  backup: { snapshot: 45, writing: 25, verifying: 25, finishing: 3, rotating: 2 },
  'backup-check': { 'reading-file': 12, opening: 5, copying: 13, 'checking-pages': 25, 'checking-audit': 12, 'checking-structure': 30, counting: 3 },
  'vault-check': { 'checking-pages': 35, 'checking-audit': 25, 'checking-structure': 40 },
  'term-pdf': { figures: 40, 'writing-pdf': 60 },
  'roster-import': { 'reading-rows': 70, saving: 30 },
};

/** A long job while it runs: where it is, for the screen of the person who started it. */
export class Job {
  private stepIndex = 0;
  private current: Omit<JobProgress, 'kind' | 'startedAt'>;
  private readonly steps: readonly JobStep[];

  constructor(
    readonly kind: JobKind,
    readonly ownerUserId: number,
    readonly startedAt: string,
    private readonly ended: () => void,
  ) {
    this.steps = jobSteps[kind];
    this.current = { step: this.steps[0] as JobStep, percent: 0, done: 0, total: 0 };
  }

  /**
   * The job is at `step`, `done` of `total` into it. A step of another kind, or one before the
   * step already reported, is ignored: the screen never sees a job go backwards.
   */
  report(step: JobStep, done = 0, total = 0): void {
    const index = this.steps.indexOf(step);
    if (index < this.stepIndex) return;
    this.stepIndex = index;
    const weightOf = (s: JobStep) => weights[this.kind]?.[s] ?? 1;
    const all = this.steps.reduce((sum, s) => sum + weightOf(s), 0);
    const before = this.steps.slice(0, index).reduce((sum, s) => sum + weightOf(s), 0);
    const within = total > 0 ? Math.min(done / total, 1) : 0;
    const percent = Math.min(99, Math.floor(((before + weightOf(step) * within) / all) * 100));
    this.current = { step, percent: Math.max(percent, this.current.percent), done: Math.max(0, Math.floor(done)), total: Math.max(0, Math.floor(total)) };
  }

  get progress(): JobProgress {
    return { kind: this.kind, startedAt: this.startedAt, ...this.current };
  }

  /** Safe to call more than once. */
  end(): void {
    this.ended();
  }
}

/** The long jobs running now: one of each kind at a time, each seen only by the person who started it. */
export class RunningJobs {
  private readonly running = new Map<JobKind, Job>();

  start(kind: JobKind, ownerUserId: number, at: string): Job {
    if (this.running.has(kind)) throw conflict(`${kind}-running`, 'This is already under way; wait for it to finish.');
    const job: Job = new Job(kind, ownerUserId, at, () => {
      if (this.running.get(kind) === job) this.running.delete(kind);
    });
    this.running.set(kind, job);
    return job;
  }

  of(userId: number): JobProgress[] {
    return [...this.running.values()].filter((job) => job.ownerUserId === userId).map((job) => job.progress);
  }
}
