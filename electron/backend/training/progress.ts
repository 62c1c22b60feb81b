import {
  addDays,
  addMonths,
  type ActivationCheck,
  type ActivationRequirement,
  type ModuleProgress,
  type PeerStatus,
  type RefresherDue,
  type TrainingModule,
  type TrainingRecord,
} from '../../../src/contract';

/** A refresher shows as due this many days before its date, and overdue after it. */
export const refresherWindowDays = 30;

/** Refreshers matter while a peer is in the program; alumni and withdrawn peers are not reminded. */
const remindedStatuses: readonly PeerStatus[] = ['in_training', 'active', 'paused'];

export interface Progress {
  trained: boolean;
  trainedOn: string | null;
  requiredDone: number;
  requiredTotal: number;
  hours: number;
  modules: ModuleProgress[];
  missingModuleIds: number[];
  refreshers: RefresherDue[];
}

/**
 * A peer's training from their records. Trained: every required module that is
 * not retired has a completed record; trained on the day the last of them was
 * first completed. A refresher falls due `refresherMonths` after the latest
 * completion of a module; issue 3.
 */
export function trainingProgress(
  modules: readonly TrainingModule[],
  records: readonly TrainingRecord[],
  status: PeerStatus,
  today: string,
): Progress {
  const reminded = remindedStatuses.includes(status);
  const soon = addDays(today, refresherWindowDays);
  const progress: ModuleProgress[] = [];
  for (const module of modules) {
    const own = records.filter((r) => r.moduleId === module.id);
    // A retired module stays on the profile only where the peer has records for it.
    if (module.retired && own.length === 0) continue;
    const completions = own
      .filter((r) => r.completed)
      .map((r) => r.attendedOn)
      .sort();
    const scores = own.map((r) => r.score).filter((s): s is number => s !== null);
    const lastCompletedOn = completions[completions.length - 1] ?? null;
    const refresherDueOn =
      !module.retired && module.refresherMonths && lastCompletedOn ? addMonths(lastCompletedOn, module.refresherMonths) : null;
    const refresherState =
      reminded && refresherDueOn ? (refresherDueOn < today ? 'overdue' : refresherDueOn <= soon ? 'due' : null) : null;
    progress.push({
      moduleId: module.id,
      titleId: module.titleId,
      titleEn: module.titleEn,
      required: module.required,
      retired: module.retired,
      moduleHours: module.hours,
      refresherMonths: module.refresherMonths,
      attended: own.length > 0,
      completed: completions.length > 0,
      firstCompletedOn: completions[0] ?? null,
      lastCompletedOn,
      hours: own.reduce((sum, r) => sum + r.hours, 0),
      bestScore: scores.length ? Math.max(...scores) : null,
      refresherDueOn,
      refresherState,
    });
  }
  const required = modules.filter((m) => m.required && !m.retired);
  const byModule = new Map(progress.map((p) => [p.moduleId, p]));
  const done = required.filter((m) => byModule.get(m.id)?.completed);
  const trained = required.length > 0 && done.length === required.length;
  const firstCompletions = done.map((m) => byModule.get(m.id)?.firstCompletedOn ?? '').sort();
  return {
    trained,
    trainedOn: trained ? (firstCompletions[firstCompletions.length - 1] ?? null) : null,
    requiredDone: done.length,
    requiredTotal: required.length,
    hours: records.reduce((sum, r) => sum + r.hours, 0),
    modules: progress,
    missingModuleIds: required.filter((m) => !byModule.get(m.id)?.completed).map((m) => m.id),
    refreshers: progress
      .filter((p) => p.refresherState !== null && p.refresherDueOn !== null)
      .map((p) => ({ moduleId: p.moduleId, dueOn: p.refresherDueOn ?? '', state: p.refresherState ?? 'due' }))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
  };
}

/** What activation needs: parent consent, the signed pledge and every required module completed. */
export function activationCheck(has: { consent: boolean; pledge: boolean }, progress: Progress): ActivationCheck {
  const missing: ActivationRequirement[] = [];
  if (!has.consent) missing.push('consent');
  if (!has.pledge) missing.push('pledge');
  if (progress.missingModuleIds.length > 0) missing.push('training');
  return { ready: missing.length === 0, missing, missingModuleIds: progress.missingModuleIds };
}
