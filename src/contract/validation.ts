import type { z } from 'zod';
import type { AppErrorPayload } from './result';

/**
 * Turns one zod issue into the contract's VALIDATION error, naming the field.
 * Shared by the backend (what it returns) and the renderer's forms (what they
 * show before sending), so both say the same thing.
 * A missing field and a wrong type are told apart by `issue.input`, which zod
 * fills in only when parsing with `{ reportInput: true }`; without it every
 * wrong type reads as "required".
 */
export function issueToError(issue: z.core.$ZodIssue): AppErrorPayload {
  const path = issue.path.map(String);
  let field = path.join('.');
  let reason: string;
  const params: Record<string, string | number> = {};
  switch (issue.code) {
    case 'unrecognized_keys':
      field = [...path, issue.keys[0] ?? ''].filter(Boolean).join('.');
      reason = 'unknown_field';
      break;
    case 'invalid_type':
      reason = issue.input === undefined ? 'required' : 'invalid_type';
      break;
    case 'too_small':
      if (issue.origin === 'string') reason = Number(issue.minimum) <= 1 ? 'required' : 'too_short';
      else reason = 'too_small';
      params.minimum = Number(issue.minimum);
      break;
    case 'too_big':
      reason = issue.origin === 'string' ? 'too_long' : 'too_big';
      params.maximum = Number(issue.maximum);
      break;
    case 'invalid_format':
      reason = 'invalid_format';
      break;
    case 'invalid_value':
      reason = 'invalid_choice';
      break;
    case 'custom':
      // A refinement may name its own reason (`params: { reason: 'risk_screen' }`) for a message of its own.
      reason = typeof issue.params?.reason === 'string' ? issue.params.reason : 'invalid';
      break;
    default:
      reason = 'invalid';
  }
  return {
    code: 'VALIDATION',
    message: `${field || 'input'}: ${issue.message}`,
    field: field || 'input',
    reason,
    ...(Object.keys(params).length ? { params } : {}),
  };
}

/** The first problem with the input. */
export function validationError(error: z.ZodError): AppErrorPayload {
  const issue = error.issues[0];
  return issue ? issueToError(issue) : { code: 'VALIDATION', message: 'The input is not valid.', field: 'input', reason: 'invalid' };
}
