/**
 * The case a draft left at the last lock belongs to (its note, a status change, a reassignment
 * or a referral), so the Cases area opens that case's page, where the draft waits, and not its list.
 */
export function caseOfDraft(formKeys: readonly string[]): number | null {
  for (const key of formKeys) {
    const match = /^(?:case-note|case-status|reassign|referral):(\d+)$/.exec(key);
    if (match) return Number(match[1]);
  }
  return null;
}
