import { z } from 'zod';

/**
 * Building blocks for input schemas. Every string has a maximum length so an
 * oversized value is refused by the contract before it reaches the database.
 */
export const limits = {
  name: 120,
  shortText: 200,
  longText: 4000,
  username: 32,
  password: 256,
} as const;

export const id = z.number().int().positive();

export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max);

export const language = z.enum(['id', 'en']);
export type Language = z.infer<typeof language>;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(limits.username)
  .regex(/^[a-z0-9._-]+$/);

/** Passwords are never trimmed: a space at either end is part of the secret. */
export const newPassword = z.string().min(10).max(limits.password);
export const anyPassword = z.string().min(1).max(limits.password);

export const pin = z.string().regex(/^\d{4,8}$/);

/** Grouped recovery key as shown to the user; spaces, dashes and case are forgiven. */
export const recoveryKey = z.string().trim().min(20).max(80);

export const isoDateTime = z.string();

/** Optimistic concurrency: an edit names the version it started from; a stale one is refused. */
export const version = z.number().int().nonnegative();

export const empty = z.strictObject({});

/** A calendar date without time or zone, as the school writes it down (`2026-08-03`). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'Not a real date');

/**
 * Names a generated secret (a temporary password, a recovery key) for `vault.confirmSecretShown`,
 * which the screen calls once the secret is on it: until then the old secret keeps working, and a
 * secret that was never shown is withdrawn at the next unlock.
 */
export const secretChangeId = z.string().min(1).max(100);
