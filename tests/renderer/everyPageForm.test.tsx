import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CaseDetail, DraftInput, SessionLog } from '../../src/contract';
import { collectDrafts, hasUnsavedText, setPendingDrafts } from '../../src/drafts/registry';
import { DiscardPrompt } from '../../src/ui/DiscardPrompt';
import { dialogCases } from './formDialogCases';
import { keepsNoDraft, markedCases, pageCases, pageFormsIn, type PageCase } from './pageFormCases';
import { answersApplied, asked, discardTitle, enterText, gate, heldAnswers, isPlainText, restoredNotice, signedInWithoutDrafts, words } from './formTestSupport';
import { renderWithBackend } from './render';

/**
 * Issue 13 for the forms that sit on a page, not in a dialog (everyFormDialog.test.tsx has the
 * dialogs): typed text survives a lock (the draft comes back after unlocking as the same user), a
 * late answer of the form's data (the fields wait for it, or typing survives it) and leaving (its
 * own Cancel asks first; a form without one counts as unsaved text, which makes the sidebar and
 * Back ask). Generated from one list (pageFormCases.tsx), which the last tests hold to every such
 * form in src/features.
 */

const number = '42';



/** The records the pages hand their forms: the same ones the dialogs' cases open on. */
const propsOf = (name: string) => dialogCases.find((d) => d.name === name)!.render(() => undefined).props as Record<string, unknown>;
const cases = pageCases({ caseDetail: propsOf('ReassignModal').detail as CaseDetail, sessionLog: propsOf('ReturnModal').log as SessionLog });


async function show(form: PageCase, held?: Promise<void>) {
  const { answers, pending } = heldAnswers(form.answers, held);
  const rendered = await renderWithBackend(
    <>
      {form.render()}
      <DiscardPrompt />
    </>,
    answers,
  );
  return { ...rendered, pending };
}


const isNumber = (element: Element) => element.matches('.mantine-NumberInput-input');

/** The field the case types into (its first plain text field, or number field), or null while none is shown. */
function queryField(form: PageCase): HTMLInputElement | HTMLTextAreaElement | null {
  const fields = [...document.body.querySelectorAll('input, textarea')].filter((f) => !f.closest('[role="dialog"]')).filter(form.numeric ? isNumber : isPlainText);
  return (fields[0] as HTMLInputElement | HTMLTextAreaElement | undefined) ?? null;
}

function fieldOf(form: PageCase) {
  const field = queryField(form);
  if (!field) throw new Error(`${form.name} shows no field to type into`);
  return field;
}

const textOf = (form: PageCase) => form.text ?? (form.numeric ? number : words);
const expectedValue = textOf;

/** Waits for the field to take typing, empties it and enters the case's text (the first character by a key press, the rest pasted). */
async function typeInto(user: ReturnType<typeof userEvent.setup>, form: PageCase) {
  await waitFor(() => expect(fieldOf(form)).toBeEnabled());
  const field = fieldOf(form);
  const text = textOf(form);
  await enterText(user, field, text);
  expect(fieldOf(form)).toHaveValue(expectedValue(form));
}


const methodsOf = (form: PageCase) => Object.keys(form.answers ?? {}).sort();

vi.setConfig({ testTimeout: 60_000 });

signedInWithoutDrafts();

describe.each(cases.map((form) => [`${form.name} (${form.file})`, form] as const))('%s', (_title, form) => {
  const { name } = form;

  it(`${name}: a lock keeps what was typed as a draft, and after unlocking as the same user it is back${form.notice ? ' with the "restored" notice' : ''}`, async () => {
    const user = userEvent.setup({ delay: null });
    const first = await show(form);
    await answersApplied(first.pending);
    await typeInto(user, form);

    const drafts = collectDrafts();
    expect(drafts).toHaveLength(1);
    const draft: DraftInput = drafts[0]!;
    expect(draft.payload).toContain(textOf(form));
    expect(screen.queryByText(restoredNotice)).not.toBeInTheDocument();

    first.unmount();
    expect(collectDrafts()).toEqual([]);

    setPendingDrafts([draft]);
    const second = await show(form);
    await answersApplied(second.pending);
    await waitFor(() => expect(fieldOf(form)).toHaveValue(expectedValue(form)));
    if (form.notice) expect(screen.getByRole('status')).toHaveTextContent(restoredNotice);
    await waitFor(() => expect(second.calls).toContainEqual({ method: 'drafts.discard', input: { formKey: draft.formKey } }));
  });

  const methods = methodsOf(form);
  if (methods.length === 0) {
    it(`${name}: asks the backend for nothing as it shows (the page hands it its record), so no late answer can overwrite what is typed`, async () => {
      const user = userEvent.setup({ delay: null });
      const { calls, pending } = await show(form);
      await typeInto(user, form);
      await answersApplied(pending);
      expect(asked(calls)).toEqual([]);
      expect(fieldOf(form)).toHaveValue(expectedValue(form));
    });
  } else {
    const waits = [...(form.waitsFor ?? methods)].sort();
    it(`${name}: its field is ${form.whileLoading === 'absent' ? 'not shown' : 'disabled'} until ${waits.join(', ')} ${waits.length === 1 ? 'has' : 'have'} answered, then takes typing that stays`, async () => {
      const user = userEvent.setup({ delay: null });
      const late = gate();
      const { calls, pending } = await show(form, late.held);
      await waitFor(() => expect(asked(calls)).toEqual(waits));
      expect(pending.count).toBeGreaterThan(0);
      if (form.whileLoading === 'absent') expect(queryField(form)).toBeNull();
      else expect(fieldOf(form)).toBeDisabled();

      late.release();
      await answersApplied(pending);
      await typeInto(user, form);
      await answersApplied(pending);
      expect(fieldOf(form)).toHaveValue(expectedValue(form));
      expect(asked(calls)).toEqual(methods);
    });
  }

  it(`${name}: what was typed counts as unsaved text, so the sidebar and Back ask before leaving it; untouched, it does not`, async () => {
    const user = userEvent.setup({ delay: null });
    const { pending } = await show(form);
    await answersApplied(pending);
    await waitFor(() => expect(queryField(form)).not.toBeNull());
    expect(hasUnsavedText()).toBe(false);
    await typeInto(user, form);
    expect(hasUnsavedText()).toBe(true);
  });

  if (form.cancel) {
    it(`${name}: its Cancel with typed text asks first, and "Keep editing" keeps every word`, async () => {
      const user = userEvent.setup({ delay: null });
      const { pending } = await show(form);
      await answersApplied(pending);
      await typeInto(user, form);

      const cancels = screen.getAllByRole('button', { name: 'Cancel' });
      await user.click(cancels[cancels.length - 1]!);
      const prompt = await screen.findByRole('dialog', { name: discardTitle });
      await user.click(within(prompt).getByRole('button', { name: 'Keep editing' }));
      await waitFor(() => expect(screen.queryByRole('dialog', { name: discardTitle })).not.toBeInTheDocument(), { timeout: 5_000 });
      expect(fieldOf(form)).toHaveValue(expectedValue(form));
      expect(hasUnsavedText()).toBe(true);
    });
  }
});

const featureSources = import.meta.glob<string>('../../src/features/**/*.tsx', { query: '?raw', import: 'default', eager: true });
const found = pageFormsIn(Object.entries(featureSources).map(([file, source]) => ({ file: file.replace(/^(\.\.\/)+/, ''), source })));
const key = ({ name, file }: { name: string; file: string }) => `${file} ${name}`;

describe('the list of page forms', () => {
  it('names exactly the forms outside the form dialogs found in src/features (driven, or marked with a reason), so a new one without an entry fails here', () => {
    expect(found.length).toBeGreaterThan(15);
    expect([...cases, ...markedCases].map(key).sort()).toEqual(found.map(key).sort());
  });

  it('drives every form that keeps a draft (calls useFormDraft): none is only marked', () => {
    const drafting = found.filter(({ body }) => /useFormDraft\(/.test(body)).map(key).sort();
    expect(cases.map(key).sort()).toEqual(drafting);
  });

  it.each(markedCases.map((marked) => [`${marked.name} (${marked.file}) keeps no draft, as it ${marked.reason}`, marked] as const))('%s', (_title, marked) => {
    const body = found.find((form) => key(form) === key(marked))?.body;
    expect(body).toBeDefined();
    expect(body).toMatch(keepsNoDraft);
    expect(body).toMatch(marked.proof);
  });
});
