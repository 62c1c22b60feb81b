import type { HandlerMap } from '../handler';

export const jobsHandlers: HandlerMap<'jobs.progress'> = {
  // Only the caller's own: a job's progress is as private as the screen that started it.
  'jobs.progress': async (_input, ctx) => ({ jobs: ctx.session.jobs.of(ctx.actor.userId) }),
};
