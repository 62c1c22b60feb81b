import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formDialogsIn, withoutDraft } from '../../support/formDialogs';

/**
 * Issue 13: a dialog that holds a form asks "Discard your changes?" before its Cancel, its X,
 * Escape or a click beside it throws typed text away, and keeps a draft across a lock unless it
 * holds a secret. The rules are read from the source of every dialog with a form, so a new
 * dialog is covered the day it is written. The finder is shared with tests/renderer/everyFormDialog.test.tsx,
 * which drives each of these dialogs.
 */
const featuresDir = path.join(process.cwd(), 'src', 'features');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.tsx') ? [path.join(dir, entry.name)] : [],
  );
}

const dialogs = formDialogsIn(
  sourceFiles(featuresDir).map((file) => ({ file: path.relative(process.cwd(), file).split(path.sep).join('/'), source: readFileSync(file, 'utf8') })),
);

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
