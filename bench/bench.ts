import { performance } from 'node:perf_hooks';

/**
 * One benchmark file (`bench/<name>.bench.ts`) exports a default `Benchmark`.
 * `npm run bench` runs every one and prints a single table (bench/run.ts).
 * Benchmarks measure; they never pass or fail, so they are not tests.
 */
export interface Benchmark {
  name: string;
  /** What the reader should know to read the numbers (machine, data, what is included). */
  about?: string;
  run(): Promise<BenchRow[]>;
  /**
   * More than one table's columns hold (rows, bytes, budgets…): text printed
   * after the shared table and its notes, called once `run` has finished.
   */
  report?(): string;
}

export interface BenchRow {
  /** The situation measured, e.g. "demo vault, 0.3 MB". Rows of one case are compared with its baseline. */
  case: string;
  /** The operation, e.g. "plain file copy + fsync". */
  what: string;
  samplesMs: number[];
  /** The reference the other rows of the same case are divided by. */
  baseline?: boolean;
}

/** Runs `work` a few times after a warm-up and returns each run's milliseconds. */
export async function sample(work: () => Promise<unknown>, options: { runs?: number; warmup?: number } = {}): Promise<number[]> {
  const { runs = 5, warmup = 1 } = options;
  for (let i = 0; i < warmup; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
