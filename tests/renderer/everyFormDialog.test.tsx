import { MantineProvider } from '@mantine/core';
import { screen, waitFor, within, type Matcher } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloneElement, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { theme } from '../../src/app/theme';
import type { DraftInput } from '../../src/contract';
import { collectDrafts, setPendingDrafts } from '../../src/drafts/registry';
import { DiscardPrompt } from '../../src/ui/DiscardPrompt';
import { formDialogsIn, withoutDraft } from '../support/formDialogs';
import { dialogCases, type Answers, type DialogCase } from './formDialogCases';
import { answersApplied, asked, discardTitle, enterText, gate, heldAnswers, isPlainText, restoredNotice, signedInWithoutDrafts, words } from './formTestSupport';
import { renderWithBackend } from './render';

/**
 * Issue 13, "Tests that must exist": for every dialog that holds a form, typed text survives an
 * accidental Escape or Cancel (it asks first), a lock (the draft comes back after unlocking as the
 * same user) and a late answer of the dialog's data; and a newer version of the record it was
 * opened on (a refetch) leaves what was typed. The tests are generated from one list
 * (formDialogCases.tsx), which the last test holds to every such dialog in src/features.
 */





/** The dialog beside the one "Discard your changes?" prompt. */
const page = (dialog: ReactElement) => (
  <>
    {dialog}
    <DiscardPrompt />
  </>
);

/**
 * Renders the dialog (the case's `render`, or `view`) beside the one "Discard your changes?"
 * prompt, with a fake backend that answers the case's methods (after `held`, when given) and a
 * draft's discard. `show` renders the page again with the dialog given other props.
 */
async function open(dialog: DialogCase, options: { held?: Promise<void>; view?: DialogCase['render'] } = {}) {
  const onClose = vi.fn();
  const { answers, pending } = heldAnswers(dialog.answers, options.held);
  const rendered = await renderWithBackend(page((options.view ?? dialog.render)(onClose)), answers);
  const show = (element: ReactElement) => rendered.rerender(<MantineProvider theme={theme}>{page(element)}</MantineProvider>);
  return { ...rendered, onClose, pending, show };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Where in a dialog's props a record with a `version` sits ('detail.case', 'modules.0'), however deep. */
function versionedIn(value: unknown, path: string[] = []): string[] {
  if (!isObject(value)) return [];
  const here = typeof value.version === 'number' ? [path.join('.')] : [];
  return [...here, ...Object.entries(value).flatMap(([key, inner]) => versionedIn(inner, [...path, key]))];
}

/** A copy of `value` whose record at `path` is at its next version, as a refetch after a change brings it. */
function withNextVersion(value: unknown, path: string[], whole: string): unknown {
  if (!isObject(value)) throw new Error(`the props hold no record at ${whole}`);
  const [key, ...rest] = path;
  if (key === undefined) {
    if (typeof value.version !== 'number') throw new Error(`the record at ${whole} has no version`);
    return { ...value, version: value.version + 1 };
  }
  if (Array.isArray(value)) return value.map((item, i) => (String(i) === key ? withNextVersion(item, rest, whole) : item));
  return { ...value, [key]: withNextVersion(value[key], rest, whole) };
}

/** The same dialog, given its record (`path` in its props) at the next version. */
function refetched(element: ReactElement, path: string): ReactElement {
  return cloneElement(element, withNextVersion(element.props, path.split('.'), path) as object);
}

/** The dialog itself (the prompt, when open, is the other one). */
function theDialog(): HTMLElement {
  const dialogs = screen.getAllByRole('dialog').filter((d) => !within(d).queryByText(discardTitle));
  expect(dialogs).toHaveLength(1);
  return dialogs[0]!;
}


const labelled = (label: string): Matcher => (content) => content.replace(/\s*\*\s*$/, '').trim() === label;

/** The field the case types into: the one it names, or the first plain text field (the first enabled one, if any is). */
function fieldOf(dialog: DialogCase): HTMLInputElement | HTMLTextAreaElement {
  const container = theDialog();
  if (dialog.field) return within(container).getByLabelText(labelled(dialog.field), { selector: 'input, textarea' }) as HTMLInputElement;
  const fields = [...container.querySelectorAll('input, textarea')].filter(isPlainText);
  const field = fields.find((f) => !f.matches(':disabled')) ?? fields[0];
  if (!field) throw new Error(`${dialog.name} has no plain text field: name one in formDialogCases.tsx`);
  return field;
}

const textOf = (dialog: DialogCase) => dialog.text ?? words;

/**
 * Empties the field and enters the case's text: its first character by a key press, the rest
 * pasted (key by key, a long form re-renders for every letter, which a busy PC makes slow).
 */
async function typeInto(user: ReturnType<typeof userEvent.setup>, dialog: DialogCase) {
  const field = fieldOf(dialog);
  const text = textOf(dialog);
  await enterText(user, field, text);
  expect(field).toHaveValue(text);
}


const methodsOf = (answers: Answers | undefined) => Object.keys(answers ?? {}).sort();

// Each test opens a whole dialog once or twice and fills it in; on a busy PC that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

signedInWithoutDrafts();

describe.each(dialogCases.map((dialog) => [`${dialog.name} (${dialog.file})`, dialog] as const))('%s', (_title, dialog) => {
  const { name } = dialog;

  it(`${name}: Escape with typed text asks first, and "Keep editing" keeps every word; Cancel asks again, and "Discard" closes it`, async () => {
    const user = userEvent.setup({ delay: null });
    const { onClose } = await open(dialog);
    await typeInto(user, dialog);

    await user.keyboard('{Escape}');
    const prompt = await screen.findByRole('dialog', { name: discardTitle });
    await user.click(within(prompt).getByRole('button', { name: 'Keep editing' }));
    // The question fades out (Mantine's transition), slowly on a busy PC.
    await waitFor(() => expect(screen.queryByRole('dialog', { name: discardTitle })).not.toBeInTheDocument(), { timeout: 5_000 });
    expect(fieldOf(dialog)).toHaveValue(textOf(dialog));
    expect(onClose).not.toHaveBeenCalled();

    await user.click(within(theDialog()).getByRole('button', { name: 'Cancel' }));
    const again = await screen.findByRole('dialog', { name: discardTitle });
    expect(onClose).not.toHaveBeenCalled();
    await user.click(within(again).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });

  it(`${name}: opened and left untouched, its Cancel closes it at once without asking`, async () => {
    const user = userEvent.setup({ delay: null });
    const { onClose, pending } = await open(dialog);
    await answersApplied(pending);
    await user.click(within(theDialog()).getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog', { name: discardTitle })).not.toBeInTheDocument();
  });

  const reason = withoutDraft[name];
  if (reason) {
    it(`${name}: a lock keeps no draft of it, as it ${reason}`, async () => {
      const user = userEvent.setup({ delay: null });
      await open(dialog);
      await typeInto(user, dialog);
      expect(collectDrafts()).toEqual([]);
    });
  } else {
    it(`${name}: a lock keeps what was typed as a draft, and after unlocking as the same user it is back in the field with the "restored" notice`, async () => {
      const user = userEvent.setup({ delay: null });
      const first = await open(dialog);
      await typeInto(user, dialog);

      // What a lock sends to the vault.
      const drafts = collectDrafts();
      expect(drafts).toHaveLength(1);
      const draft: DraftInput = drafts[0]!;
      expect(draft.payload).toContain(JSON.stringify(dialog.stored ?? textOf(dialog)).slice(1, -1));
      expect(screen.queryByText(restoredNotice)).not.toBeInTheDocument();

      // The lock reloads the page: nothing of the dialog stays registered.
      first.unmount();
      expect(collectDrafts()).toEqual([]);

      // The unlock hands the vault's drafts back; the dialog opens again for the same user.
      setPendingDrafts([draft]);
      const second = await open(dialog);
      expect(fieldOf(dialog)).toHaveValue(textOf(dialog));
      expect(within(theDialog()).getByRole('status')).toHaveTextContent(restoredNotice);
      // Taken once: the vault's copy is let go.
      await waitFor(() => expect(second.calls).toContainEqual({ method: 'drafts.discard', input: { formKey: draft.formKey } }));
    });
  }

  const { record } = dialog;
  if (record) {
    it(`${name}: what was typed stays when the page hands it ${record} at its next version, as after a refetch`, async () => {
      const user = userEvent.setup({ delay: null });
      const view = dialog.editing ?? dialog.render;
      const shown = await open(dialog, { view });
      await answersApplied(shown.pending);
      await waitFor(() => expect(fieldOf(dialog)).toBeEnabled());
      await typeInto(user, dialog);

      const before = view(shown.onClose);
      const newer = refetched(before, record);
      expect(versionedIn(newer.props)).toContain(record);
      shown.show(newer);
      await answersApplied(shown.pending);
      expect(fieldOf(dialog)).toHaveValue(textOf(dialog));
    });
  } else {
    it(`${name}: is given no record with a version (it makes a new one, or chooses one), so no refetch can bring it a newer one`, () => {
      expect(dialog.editing).toBeUndefined();
      expect(versionedIn(dialog.render(vi.fn()).props)).toEqual([]);
    });
  }

  const methods = methodsOf(dialog.answers);
  if (methods.length === 0) {
    it(`${name}: asks the backend for nothing as it opens, so no late answer can overwrite what is typed`, async () => {
      const user = userEvent.setup({ delay: null });
      const { calls, pending } = await open(dialog);
      await typeInto(user, dialog);
      await answersApplied(pending);
      expect(asked(calls)).toEqual([]);
      expect(fieldOf(dialog)).toHaveValue(textOf(dialog));
    });
  } else if ((dialog.whileLoading ?? 'typeable') === 'typeable') {
    it(`${name}: text typed while ${methods.join(', ')} ${methods.length === 1 ? 'has' : 'have'} not answered yet stays when the answer comes`, async () => {
      const user = userEvent.setup({ delay: null });
      const late = gate();
      const { calls, pending } = await open(dialog, { held: late.held });
      await waitFor(() => expect(asked(calls)).toEqual(methods));
      expect(pending.count).toBeGreaterThan(0);
      await typeInto(user, dialog);

      late.release();
      await answersApplied(pending);
      expect(fieldOf(dialog)).toHaveValue(textOf(dialog));
      expect(asked(calls)).toEqual(methods);
    });
  } else {
    it(`${name}: its fields stay disabled until ${methods.join(', ')} ${methods.length === 1 ? 'has' : 'have'} answered, then take typing`, async () => {
      const user = userEvent.setup({ delay: null });
      const late = gate();
      const { calls, pending } = await open(dialog, { held: late.held });
      await waitFor(() => expect(asked(calls)).toEqual(methods));
      expect(fieldOf(dialog)).toBeDisabled();

      late.release();
      await answersApplied(pending);
      await waitFor(() => expect(fieldOf(dialog)).toBeEnabled());
      await typeInto(user, dialog);
    });
  }
});

// Every .tsx under src/features, as text, for the same finder the source rules use.
const featureSources = import.meta.glob<string>('../../src/features/**/*.tsx', { query: '?raw', import: 'default', eager: true });

describe('the list of form dialogs', () => {
  it('names exactly the dialogs with a form found in src/features, so a new dialog without an entry fails here', () => {
    const found = formDialogsIn(Object.entries(featureSources).map(([file, source]) => ({ file: file.replace(/^(\.\.\/)+/, ''), source })));
    const key = ({ name, file }: { name: string; file: string }) => `${file} ${name}`;
    expect(found.length).toBeGreaterThan(20);
    expect(dialogCases.map(key).sort()).toEqual(found.map(key).sort());
  });
});
