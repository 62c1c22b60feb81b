import type { Database } from '../db/database';
import type { SqlValue } from '../db/driver';
import type { Page } from '../../../src/contract';

export interface PagedQuery {
  /** `SELECT …` without FROM. */
  select: string;
  /** Parameters of `select` itself (a scoped subquery in a column), bound before `params`. */
  selectParams?: readonly SqlValue[];
  /** `FROM … WHERE …`, shared by the page and its count. */
  from: string;
  params: readonly SqlValue[];
  /** The whole order, ending in a unique column so pages never overlap. */
  orderBy: string;
  /**
   * The `FROM … WHERE …` to count with, when joins the page needs for its columns do not change
   * which rows match (counting 100,000 logs through their joins took most of a page's time).
   */
  countFrom?: string;
}

/** One page of a query and how many rows match in all: two statements, whatever the size of the table. */
export async function pageOf<T>(db: Database, query: PagedQuery, page: Page): Promise<{ rows: T[]; total: number }> {
  const rows = await db.all<T>(`${query.select} ${query.from} ORDER BY ${query.orderBy} LIMIT ? OFFSET ?`, [
    ...(query.selectParams ?? []),
    ...query.params,
    page.limit,
    page.offset,
  ]);
  // A first page that is not full is the whole list: no count needed.
  if (page.offset === 0 && rows.length < page.limit) return { rows, total: rows.length };
  const counted = await db.get<{ n: number }>(`SELECT count(*) AS n ${query.countFrom ?? query.from}`, query.params);
  return { rows, total: counted?.n ?? 0 };
}

/** A LIKE pattern matching `text` literally (its % and _ too), for `LIKE ? ESCAPE '\\'`. */
export function likeText(text: string, where: 'start' | 'anywhere'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return where === 'start' ? `${escaped}%` : `%${escaped}%`;
}

/** A help-seeker code (alias `h`) that begins with what was typed; codes are kept in capitals. */
export function codeBeginsWith(text: string): { where: string; param: string } {
  return { where: "h.code LIKE ? ESCAPE '\\'", param: likeText(text.toUpperCase(), 'start') };
}
