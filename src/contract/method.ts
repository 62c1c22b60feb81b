import type { z } from 'zod';
import type { Access } from './roles';

/** One operation of the contract: its input, its output and who may call it. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  input: I;
  output: O;
  /**
   * Changes no record a screen shows (it may write the audit log): the renderer caches its answer
   * and refreshes what it shows after any call that is not marked so (src/api/queries.ts).
   */
  reads?: true;
  /**
   * Asked by a screen on its own while it waits (polling), not by a person: it does not count as
   * activity, so it never keeps an unattended vault from locking.
   */
  polled?: true;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
