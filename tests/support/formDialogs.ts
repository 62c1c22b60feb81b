/**
 * Issue 13: which components are dialogs that hold a form, read from the source so a new one is
 * found the day it is written. Shared by the source rules (tests/unit/lint/formDialogs.test.ts)
 * and the tests that drive every such dialog (tests/renderer/everyFormDialog.test.tsx); each
 * reads the files its own way (the file system there, Vite's glob here), so this module needs
 * neither Node nor a browser.
 */

export interface SourceFile {
  /** The path from the project's root, with forward slashes: `src/features/cases/CaseDialogs.tsx`. */
  file: string;
  source: string;
}

export interface FormDialog {
  name: string;
  file: string;
  /** The component's source, from its `function` to the next top-level function. */
  body: string;
}

/** Each top-level component of a file that renders an AppModal with a form's fields inside it. */
export function formDialogsIn(files: readonly SourceFile[]): FormDialog[] {
  return files.flatMap(({ file, source }) => {
    const starts = [...source.matchAll(/^(?:export )?function (\w+)/gm)];
    return starts
      .map((match, i) => ({ name: match[1]!, file, body: source.slice(match.index, starts[i + 1]?.index ?? source.length) }))
      .filter(({ body }) => /\buseAppForm\b/.test(body) && [...body.matchAll(/<AppModal[\s\S]*?<\/AppModal>/g)].some(([modal]) => modal.includes('getInputProps(')));
  });
}

/** The dialogs that keep no draft, and why: a secret typed in them must never be written to a draft. */
export const withoutDraft: Record<string, string> = {
  AddPeerAccountModal: 'holds the new PIN',
  SetPinModal: 'holds the new PIN',
};
