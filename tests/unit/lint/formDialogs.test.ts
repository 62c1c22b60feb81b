import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13: a dialog that holds a form asks "Discard your changes?" before its Cancel, its X,
 * Escape or a click beside it throws typed text away, and keeps a draft across a lock unless it
 * holds a secret. The rules are read from the source of every dialog with a form, so a new
 * dialog is covered the day it is written.
 */
const featuresDir = path.join(process.cwd(), 'src', 'features');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.tsx') ? [path.join(dir, entry.name)] : [],
  );
}

/** Each top-level component of a file that renders an AppModal with a form's fields inside it. */
function formDialogs(): { name: string; file: string; body: string }[] {
  return sourceFiles(featuresDir).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const starts = [...source.matchAll(/^(?:export )?function (\w+)/gm)];
    return starts
      .map((match, i) => ({ name: match[1]!, file: path.relative(process.cwd(), file), body: source.slice(match.index, starts[i + 1]?.index ?? source.length) }))
      .filter(({ body }) => /\buseAppForm\b/.test(body) && [...body.matchAll(/<AppModal[\s\S]*?<\/AppModal>/g)].some(([modal]) => modal.includes('getInputProps(')));
  });
}

const dialogs = formDialogs();

/** The dialogs that keep no draft, and why: a secret typed in them must never be written to a draft. */
const withoutDraft: Record<string, string> = {
  AddPeerAccountModal: 'holds the new PIN',
  SetPinModal: 'holds the new PIN',
};

describe('every dialog that holds a form', () => {
  it('is found in the source (the list below is not empty)', () => {
    expect(dialogs.length).toBeGreaterThan(20);
  });

  for (const { name, file, body } of dialogs) {
    it(`${name} (${file}) asks before its Cancel, X or Escape discards what was typed`, () => {
      expect(body).toMatch(/useGuardedClose\(/);
      expect(body).not.toMatch(/<AppModal[^>]*onClose=\{onClose\}/);
      expect(body).not.toMatch(/onClick=\{onClose\}>\s*\{t\('common\.cancel'\)\}/);
      expect(body).not.toMatch(/<FormFooter[^>]*onCancel=\{onClose\}/);
    });

    const reason = withoutDraft[name];
    it(reason ? `${name} (${file}) keeps no draft, as it ${reason}` : `${name} (${file}) keeps what was typed as a draft across a lock, and says so when it comes back`, () => {
      if (reason) {
        expect(body).not.toMatch(/useFormDraft\(/);
      } else {
        expect(body).toMatch(/useFormDraft\(/);
        expect(body).toMatch(/<RestoredDraftNotice shown=\{restored\}/);
      }
    });
  }
});
