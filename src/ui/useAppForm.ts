import { useForm, type UseFormInput, type UseFormReturnType } from '@mantine/form';

const focusable = 'input:not([type="hidden"]), textarea, select, button, [tabindex]:not([tabindex="-1"])';

/**
 * Takes the person to a field in error: scrolled to the middle of the screen and focused, so a
 * screen reader reads the field with its message. A group of choices (radio buttons,
 * checkboxes) is reached through its first control.
 */
export function focusField(node: Element | null | undefined): void {
  const target = node instanceof HTMLElement && node.matches(focusable) ? node : node?.querySelector<HTMLElement>(focusable);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * The first field in error in the order it appears on screen: a field bound to the form carries
 * its path; a custom one (a picker, a segmented choice) is found by the message Mantine renders in it.
 */
function firstInError(container: ParentNode, fields: string[]): Element | null {
  const bound = fields.flatMap((field) => [...container.querySelectorAll(`[data-path="${CSS.escape(field)}"]`)]);
  const shown = [...container.querySelectorAll('[class*="-error"]')].map((message) => message.closest('[class*="-root"]') ?? message);
  const nodes = [...bound, ...shown];
  nodes.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return nodes[0] ?? null;
}

/** After the errors have rendered, so the messages of unbound fields can be found. */
function focusFirstInError(container: ParentNode, fields: string[]): void {
  requestAnimationFrame(() => focusField(firstInError(container, fields)));
}

/**
 * Mantine's form, with one change every form in the app shares: a submit its checks refuse
 * (onSubmit, or validate before a save) takes the person to the first field in error, so a
 * message is never left off-screen while focus stays on the button (a peer who ticked self-harm must not believe the log was sent).
 */
// Mantine's own bound, so every form's values type (an interface too) fits as it does there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useAppForm<Values extends Record<string, any>>(input: UseFormInput<Values>): UseFormReturnType<Values> {
  const form = useForm<Values>(input);
  const onSubmit: UseFormReturnType<Values>['onSubmit'] = (handleSubmit, handleValidationFailure) =>
    form.onSubmit(handleSubmit, (errors, values, event) => {
      focusFirstInError((event?.currentTarget as Element | null | undefined) ?? document, Object.keys(errors));
      handleValidationFailure?.(errors, values, event);
    });
  const validate: UseFormReturnType<Values>['validate'] = () => {
    const result = form.validate();
    if (result.hasErrors) focusFirstInError(document, Object.keys(result.errors));
    return result;
  };
  return { ...form, onSubmit, validate };
}
