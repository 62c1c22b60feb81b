import type { Context, HandlerMap } from '../handler';
import { ftsQuery, searchText } from '../repositories/search';

/** The most hits one search returns. */
export const searchLimit = 100;

export const searchHandlers: HandlerMap<'search.text'> = {
  'search.text': async (input, ctx: Context) => {
    const query = ftsQuery(input.query);
    const hits = query ? await searchText(ctx.db, query, searchLimit + 1) : [];
    // Who searched and how much they found; never what they searched for.
    await ctx.audit('search.performed', null, { hits: Math.min(hits.length, searchLimit) });
    return { hits: hits.slice(0, searchLimit), truncated: hits.length > searchLimit };
  },
};
