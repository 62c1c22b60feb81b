import { formatMs, median } from '../bench';
import { sizeLabel } from './counts';
import type { CallResult, ScaleResult } from './results';

/** The budgets of DESIGN.md's rules: a screen's call answers within 50 ms at p95 and sends at most 256 KB. */
export const budgets = {
  p95Ms: 50,
  responseBytes: 256 * 1024,
  fastCallWaitMs: 50,
  backupVsCopy: 3,
  checkVsSha256: 3,
  restoreVsBackupCopy: 4,
  rssBytes: 250 * 1024 * 1024,
};

export const driverLabel = (driver: string) => (driver === 'journeyapps-sqlcipher' ? 'sqlcipher' : driver === 'better-sqlite3-multiple-ciphers' ? 'multiple-ciphers' : driver);

/** Nearest-rank percentile: with 15 samples p95 is the slowest run. */
export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : formatMs(ms));
const count = (n: number) => n.toLocaleString('en');

/** A plain text table; columns named in `right` are right-aligned. */
export function table(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const shortInput = (input: string) => (input === '{}' ? '' : input.length > 44 ? `${input.slice(0, 43)}…` : input);

export function callVerdict(call: CallResult): string {
  if (call.problem) return call.problem;
  const over: string[] = [];
  if (percentile(call.samplesMs, 0.95) > budgets.p95Ms) over.push('time');
  if ((call.bytes ?? 0) > budgets.responseBytes) over.push('size');
  return over.length ? `OVER ${over.join('+')}` : 'ok';
}

function describeVault(r: ScaleResult): string {
  const t = r.manifest.tables;
  const parts = [
    `${count(t.session_logs ?? 0)} session logs`,
    `${count(t.peers ?? 0)} peers`,
    `${count(t.help_seekers ?? 0)} help-seekers`,
    `${count(t.cases ?? 0)} cases`,
    `${count(t.supervision_meetings ?? 0)} supervision meetings`,
    `${count(t.audit_log ?? 0)} audit entries`,
    `${count(t.outcome_measures ?? 0)} outcome measures`,
    `${count(t.peer_evaluations ?? 0)} evaluations`,
  ];
  const origin = r.built ? `built in this run (${seconds(r.manifest.buildMs)})` : `reused from ${r.cacheDir} (built ${r.manifest.builtOn})`;
  return `${driverLabel(r.driver)}, ${sizeLabel(r.size)}: ${parts.join(', ')}; ${formatBytes(r.manifest.databaseBytes)} vault file, ${origin}`;
}

function callsTable(r: ScaleResult): string {
  const rows = r.calls.map((c) => {
    const ok = c.problem === null;
    return [
      driverLabel(r.driver),
      c.screen,
      c.method,
      shortInput(c.input),
      ok ? formatMs(median(c.samplesMs)) : '-',
      ok ? formatMs(percentile(c.samplesMs, 0.95)) : '-',
      ok ? String(c.samplesMs.length) : '-',
      c.rows === null ? '-' : count(c.rows),
      c.bytes === null ? '-' : formatBytes(c.bytes),
      callVerdict(c),
    ];
  });
  return table(['driver', 'screen', 'method', 'input', 'p50', 'p95', 'runs', 'rows', 'bytes', 'budget'], rows, new Set([4, 5, 6, 7, 8]));
}

function jobsTable(r: ScaleResult): string {
  const baselines = {
    copy: { ms: median(r.baselines.copyFsyncMs), limit: budgets.backupVsCopy, name: 'copy+fsync' },
    sha256: { ms: median(r.baselines.sha256Ms), limit: budgets.checkVsSha256, name: 'SHA-256' },
    'backup-copy': { ms: r.baselines.backupCopyFsyncMs?.length ? median(r.baselines.backupCopyFsyncMs) : null, limit: budgets.restoreVsBackupCopy, name: 'copy+fsync of the backup' },
  } as const;
  const rows: string[][] = [
    [driverLabel(r.driver), 'baseline: copy + fsync of vault.db', seconds(baselines.copy.ms), '', '', '', '', '', ''],
    [driverLabel(r.driver), 'baseline: SHA-256 of vault.db', seconds(baselines.sha256.ms), '', '', '', '', '', ''],
  ];
  if (baselines['backup-copy'].ms !== null) rows.push([driverLabel(r.driver), 'baseline: copy + fsync of the backup file', seconds(baselines['backup-copy'].ms), '', '', '', '', '', '']);
  for (const job of r.jobs) {
    if (job.durationMs.length === 0) {
      rows.push([driverLabel(r.driver), `${job.job} (${job.method})`, '-', '-', '-', '-', '-', '-', job.problem ?? 'no samples']);
      continue;
    }
    const duration = median(job.durationMs);
    const base = job.baseline ? baselines[job.baseline] : null;
    const ratio = base?.ms ? duration / base.ms : null;
    const wait = job.fastWaitMs.length ? Math.max(...job.fastWaitMs) : null;
    const verdicts = [
      base && ratio !== null && ratio > base.limit ? `OVER target (≤ ${base.limit}x ${base.name})` : '',
      wait !== null && wait > budgets.fastCallWaitMs ? 'OVER wait' : '',
      job.problem ?? '',
    ].filter(Boolean);
    rows.push([
      driverLabel(r.driver),
      `${job.job} (${job.method})`,
      seconds(duration),
      ratio === null ? '' : `${ratio.toFixed(1)}x`,
      base && ratio !== null ? `≤ ${base.limit}x` : '',
      String(job.fastWaitMs.length),
      job.fastWaitMs.length ? seconds(median(job.fastWaitMs)) : '-',
      wait === null ? '-' : seconds(wait),
      verdicts.length ? verdicts.join(', ') : 'ok',
    ]);
  }
  return table(
    ['driver', 'long job', 'duration', 'x baseline', 'target', 'fast calls', 'wait p50', `${'session.heartbeat'} wait, max`, 'budget'],
    rows,
    new Set([2, 3, 5, 6, 7]),
  );
}

function memoryTable(results: ScaleResult[]): string {
  const rows = results.map((r) => [
    driverLabel(r.driver),
    sizeLabel(r.size),
    formatBytes(r.memory.rssAfterGcBytes) + (r.memory.gcAvailable ? '' : ' (no gc)'),
    formatBytes(r.memory.peakRssBytes),
    formatBytes(r.memory.heapUsedBytes),
    r.memory.rssAfterGcBytes > budgets.rssBytes ? 'OVER' : 'ok',
  ]);
  return table(['driver', 'logs', 'RSS after every screen + gc', 'peak RSS', 'JS heap used', `budget ≤ ${formatBytes(budgets.rssBytes)}`], rows, new Set([2, 3, 4]));
}

/** The screens' p95 side by side, one column per size, for one driver. */
function growthTable(results: ScaleResult[]): string {
  const sorted = [...results].sort((a, b) => a.size - b.size);
  const first = sorted[0]!;
  const rows = first.calls.map((call, i) => [
    call.screen,
    call.method,
    shortInput(call.input),
    ...sorted.map((r) => {
      const c = r.calls[i]!;
      if (c.problem) return c.problem.startsWith('input refused') ? 'refused' : 'error';
      const p95 = percentile(c.samplesMs, 0.95);
      return `${formatMs(p95)}${p95 > budgets.p95Ms ? ' !' : '  '}`;
    }),
    (() => {
      const c = sorted[sorted.length - 1]!.calls[i]!;
      return c.rows === null ? '-' : count(c.rows);
    })(),
  ]);
  const sizes = sorted.map((r) => `p95 @${sizeLabel(r.size)}`);
  return table(['screen', 'method', 'input', ...sizes, `rows @${sizeLabel(sorted[sorted.length - 1]!.size)}`], rows, new Set(sorted.map((_, i) => i + 3).concat(sorted.length + 3)));
}

function overBudget(r: ScaleResult): string {
  const over = r.calls.filter((c) => c.problem === null && callVerdict(c) !== 'ok');
  const refused = r.calls.filter((c) => c.problem !== null);
  const lines = [`${driverLabel(r.driver)}, ${sizeLabel(r.size)}: ${over.length} of ${r.calls.length} screen calls over budget${refused.length ? `, ${refused.length} without a measurement` : ''}`];
  for (const c of over) lines.push(`  ${callVerdict(c).padEnd(14)} ${c.method} ${shortInput(c.input)} (${c.screen}): p95 ${formatMs(percentile(c.samplesMs, 0.95))}, ${formatBytes(c.bytes ?? 0)}`);
  for (const c of refused) lines.push(`  ${c.method} ${shortInput(c.input)} (${c.screen}): ${c.problem}`);
  return lines.join('\n');
}

export interface Failure {
  driver: string;
  size: number;
  message: string;
}

export function scaleReport(results: ScaleResult[], failures: Failure[]): string {
  const out: string[] = ['=== scale: a district-scale vault, every screen\'s calls ==='];
  for (const r of results) out.push(`vault: ${describeVault(r)}`);
  for (const f of failures) out.push(`FAILED: ${driverLabel(f.driver)}, ${sizeLabel(f.size)}: ${f.message}`);
  for (const r of results.filter((result) => result.calls.length)) {
    out.push(
      '',
      `screen calls: ${r.driver}, ${sizeLabel(r.size)} logs (warm runs: up to 15, fewer when a call takes longer than the time per call; ` +
        `budget p95 ≤ ${budgets.p95Ms} ms and ≤ ${formatBytes(budgets.responseBytes)})`,
      callsTable(r),
    );
  }
  for (const r of results) {
    out.push(
      '',
      `long jobs: ${r.driver}, ${sizeLabel(r.size)} logs (a fast call issued right after each job starts, then every 25 ms until it answers; budget ${budgets.fastCallWaitMs} ms for each)`,
      jobsTable(r),
    );
  }
  if (results.some((r) => r.calls.length)) out.push('', 'memory: the backend process after every screen call above (its own process per driver and size)', memoryTable(results));
  const drivers = [...new Set(results.map((r) => r.driver))];
  for (const driver of drivers) {
    const mine = results.filter((r) => r.driver === driver);
    if (new Set(mine.map((r) => r.size)).size > 1 && mine.every((r) => r.calls.length)) out.push('', `growth: ${driver}, p95 per size (! over ${budgets.p95Ms} ms)`, growthTable(mine));
  }
  if (results.some((r) => r.calls.length)) out.push('', 'over budget:', ...results.filter((r) => r.calls.length).map(overBudget));
  return out.join('\n');
}
