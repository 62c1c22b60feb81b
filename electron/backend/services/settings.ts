import { toTerm, type Settings, type TermInput } from '../../../src/contract';
import { invalidField } from '../errors';
import type { Context, HandlerMap } from '../handler';
import { loadSettings, saveSettings } from '../repositories/settingsStore';

async function current(ctx: Context): Promise<Settings> {
  const stored = await loadSettings(ctx.db);
  return {
    schoolName: stored.schoolName,
    autoLockMinutes: stored.autoLockMinutes,
    vaultLocation: ctx.vault.paths.dataDir,
    studentCount: stored.studentCount,
    classNames: stored.classNames,
    backupKeepLast: stored.backupKeepLast,
    backupReminderDays: stored.backupReminderDays,
    escalationProtocol: stored.escalationProtocol,
    caseDueDays: stored.caseDueDays,
    supervisorsSeeAllCases: stored.supervisorsSeeAllCases,
    terms: stored.terms,
  };
}

/**
 * Terms as the school sets them: each ends after it starts, in its academic
 * year (semester 1 may start in the year's first calendar year, semester 2
 * ends in its second), one of each per year, and none overlapping another.
 * The error names the row and the field, so the Settings table can point at it.
 */
function checkedTerms(terms: readonly TermInput[]): TermInput[] {
  const seen = new Map<string, number>();
  terms.forEach((t, i) => {
    const [first, second] = t.academicYear.split('/').map(Number) as [number, number];
    if (second !== first + 1) throw invalidField(`terms.${i}.academicYear`, 'academic_year', 'An academic year is two years in a row, like 2026/2027.');
    if (t.end <= t.start) throw invalidField(`terms.${i}.end`, 'before_start', 'A term ends after it starts.');
    const startYear = Number(t.start.slice(0, 4));
    const endYear = Number(t.end.slice(0, 4));
    if (startYear < first || endYear > second) {
      throw invalidField(`terms.${i}.start`, 'outside_year', 'The term lies outside its academic year.');
    }
    const key = `${t.academicYear}-${t.semester}`;
    if (seen.has(key)) throw invalidField(`terms.${i}.semester`, 'duplicate_term', 'This semester of this year is already in the list.');
    seen.set(key, i);
  });
  const order = terms.map((t, i) => ({ t, i })).sort((a, b) => a.t.start.localeCompare(b.t.start));
  for (let k = 1; k < order.length; k += 1) {
    if (order[k]!.t.start <= order[k - 1]!.t.end) throw invalidField(`terms.${order[k]!.i}.start`, 'overlaps', 'Terms may not overlap.');
  }
  return order.map(({ t }) => t);
}

/** The same class typed twice (or in another case) is kept once, in the order first given. */
function uniqueClasses(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLocaleLowerCase('id');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': async (_input, ctx) => current(ctx),

  'settings.update': async (input, ctx) => {
    await ctx.db.transaction(async () => {
      const changed = await saveSettings(ctx.db, {
        ...input,
        classNames: input.classNames && uniqueClasses(input.classNames),
        terms: input.terms && checkedTerms(input.terms).map(toTerm),
      });
      // The audit names which settings changed, not their values.
      if (changed.length > 0) await ctx.audit('settings.changed', null, { keys: changed });
    });
    return current(ctx);
  },
};
