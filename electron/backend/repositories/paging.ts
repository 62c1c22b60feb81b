import type { Database } from '../db/database';
import type { SqlValue } from '../db/driver';
import type { Page, SortDirection } from '../../../src/contract';

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

/** A sort's direction as SQL writes it. */
export function sqlDirection(direction: SortDirection): 'ASC' | 'DESC' {
  return direction === 'asc' ? 'ASC' : 'DESC';
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

/**
 * The WHERE of a paged list: its scope, then each filter the caller set (one that is not set
 * adds nothing). Every list builds its conditions this way, so a filter reads the same everywhere.
 */
export class Conditions {
  private readonly parts: string[] = [];
  readonly params: SqlValue[] = [];

  constructor(scope: { where: string; params: readonly SqlValue[] }) {
    this.add(scope.where, ...scope.params);
  }

  add(sql: string, ...params: SqlValue[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  equals(column: string, value: SqlValue | undefined): this {
    return value === undefined ? this : this.add(`${column} = ?`, value);
  }

  /** The column is one of these values (a picker's chosen rows, a set of statuses). */
  oneOf(column: string, values: readonly SqlValue[] | undefined): this {
    return values === undefined ? this : this.add(`${column} IN (${values.map(() => '?').join(', ')})`, ...values);
  }

  /** `text`, literally, anywhere in any of these columns. */
  containsText(text: string | undefined, columns: readonly string[]): this {
    if (!text) return this;
    const part = likeText(text, 'anywhere');
    return this.add(`(${columns.map((column) => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`, ...columns.map(() => part));
  }

  /** A help-seeker code (alias `h`) that begins with what was typed; codes are kept in capitals. */
  codeBeginsWith(text: string | undefined): this {
    return text ? this.add("h.code LIKE ? ESCAPE '\\'", likeText(text.toUpperCase(), 'start')) : this;
  }

  get sql(): string {
    return this.parts.join(' AND ');
  }
}
