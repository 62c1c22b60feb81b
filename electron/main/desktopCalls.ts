/**
 * The OS folder picker and "Open folder" (issues 6 and 7) as contract methods
 * (issue 11): the call goes to the backend like any other, so the dispatcher's
 * one policy decides (state, role, input); only when it allows the call does
 * main do the OS part and put its answer in the result. Kept apart from
 * index.ts and given its Electron pieces as arguments, so it is tested
 * without Electron.
 */
import { methods, type Result } from '../../src/contract';

export interface DesktopActions {
  /** The folder chosen in the OS picker, or null when cancelled. */
  chooseFolder(title: string): Promise<string | null>;
  /** Shows the vault folder in the file manager; whether the OS could. */
  openVaultFolder(): Promise<boolean>;
  warn(message: string): void;
}

export type BackendCall = (method: unknown, input: unknown) => Promise<Result<unknown>>;

export async function callWithDesktop(method: unknown, input: unknown, backend: BackendCall, desktop: DesktopActions): Promise<Result<unknown>> {
  const allowed = await backend(method, input);
  if (!allowed.ok) return allowed;
  if (method === 'desktop.chooseFolder') {
    // Already validated by the dispatcher; parsed again here only to read it typed.
    const { title } = methods['desktop.chooseFolder'].input.parse(input);
    return { ok: true, value: { folder: await desktop.chooseFolder(title) } };
  }
  if (method === 'desktop.openVaultFolder') {
    const opened = await desktop.openVaultFolder();
    // The OS's message can name the path; only the fact is logged.
    if (!opened) desktop.warn('vault folder could not be opened');
    return { ok: true, value: { opened } };
  }
  return allowed;
}
