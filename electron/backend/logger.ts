/**
 * What the backend may log: events and error codes, never inputs, record
 * content, SQL or key material. Callers pass only fixed messages and small
 * non-personal fields.
 */
export interface Logger {
  info(message: string, fields?: Record<string, string | number | boolean>): void;
  warn(message: string, fields?: Record<string, string | number | boolean>): void;
  error(message: string, fields?: Record<string, string | number | boolean>): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export const consoleLogger: Logger = {
  info: (message, fields) => console.log(message, fields ?? ''),
  warn: (message, fields) => console.warn(message, fields ?? ''),
  error: (message, fields) => console.error(message, fields ?? ''),
};

/**
 * Reduces an unexpected error to what is safe to write down: its class name,
 * a code if it has one, and stack frames without the message line (messages
 * from SQLite or zod can quote the data that caused them).
 */
export function describeErrorSafely(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { kind: typeof error };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(' | ');
  const code = (error as { code?: unknown }).code;
  return { name: error.name, ...(typeof code === 'string' ? { code } : {}), frames };
}
