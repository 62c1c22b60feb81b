import { z } from 'zod';

/**
 * Paging for every list that grows with the years (issue 12): a page is `limit` rows from
 * `offset`, in one of the list's sort orders; the answer carries the rows and the `total` that
 * match, so a table can say "51–100 of 100,000". Sorting and filtering happen in SQL, over
 * indexes that match them, never in the renderer over every row.
 */
export const pageSizes = { default: 50, max: 200 } as const;

export const pageRequest = {
  limit: z.number().int().min(1).max(pageSizes.max).default(pageSizes.default),
  offset: z.number().int().min(0).max(10_000_000).default(0),
};

export const sortDirections = ['asc', 'desc'] as const;
export type SortDirection = (typeof sortDirections)[number];

/** The sort a list offers: one of its keys and a direction, each with its default. */
export function sortRequest<K extends string>(keys: readonly [K, ...K[]], defaultKey: K, defaultDirection: SortDirection) {
  return {
    sort: z.enum(keys).default(defaultKey),
    direction: z.enum(sortDirections).default(defaultDirection),
  };
}

export const pageTotal = { total: z.number().int().min(0) };

export interface Page {
  limit: number;
  offset: number;
}
