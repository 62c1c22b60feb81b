import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatMs, median, type Benchmark, type BenchRow } from './bench';

/**
 * `npm run bench [-- NAME…]`: runs every `bench/*.bench.ts` (or those whose
 * file name contains one of the NAMEs) one after another and prints one table.
 */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column >= 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
    .sort();
  const header = ['benchmark', 'case', 'what', 'median', 'min', 'runs', 'x baseline'];
  const rows: string[][] = [header];
  const notes: string[] = [];
  const reports: string[] = [];
  for (const file of files) {
    const benchmark = (await import(pathToFileURL(path.join(__dirname, file)).href)).default as Benchmark;
    process.stderr.write(`running ${benchmark.name}…\n`);
    const results: BenchRow[] = await benchmark.run();
    if (benchmark.about) notes.push(`${benchmark.name}: ${benchmark.about}`);
    const report = benchmark.report?.();
    if (report) reports.push(report);
    for (const result of results) {
      const baseline = results.find((r) => r.case === result.case && r.baseline);
      const ratio = baseline && !result.baseline ? `${(median(result.samplesMs) / median(baseline.samplesMs)).toFixed(1)}x` : '';
      rows.push([
        benchmark.name,
        result.case,
        result.what,
        formatMs(median(result.samplesMs)),
        formatMs(Math.min(...result.samplesMs)),
        String(result.samplesMs.length),
        ratio,
      ]);
    }
  }
  console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${os.platform()} ${os.release()}, Node ${process.version}\n`);
  console.log(table(rows));
  if (notes.length) console.log(`\n${notes.join('\n')}`);
  for (const report of reports) console.log(`\n${report}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
