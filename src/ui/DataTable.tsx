import { Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type FilterFn,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './DataTable.module.css';

interface DataTableProps<T> {
  data: T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tanstack's column values differ per column
  columns: Array<ColumnDef<T, any>>;
  /** Text typed into the page's search box; matched against every column's text. */
  search?: string;
  initialSort?: SortingState;
  /** What to show when there are no rows at all (not when a search hides them). */
  empty: ReactNode;
  caption: string;
  getRowId?: (row: T) => string;
  /**
   * A page of a list the backend sorts (issue 12): only these columns sort, by asking for a new
   * page; nothing is sorted or searched here, because this page is not the whole list.
   */
  serverSort?: ServerSort | undefined;
  /** Whether the rows are all the list has; false when a filter found none, so "no matches" shows instead of `empty`. */
  unfiltered?: boolean | undefined;
  /** Marks a row that must stand out (an urgent log in the review queue): a class for its `<tr>`. */
  rowClassName?: ((row: T) => string | undefined) | undefined;
}

export interface ServerSort {
  sorting: SortingState;
  onChange(sorting: SortingState): void;
  columns: readonly string[];
}

const containsText: FilterFn<unknown> = (row, columnId, filter: string) => {
  const value = row.getValue(columnId);
  return String(value ?? '')
    .toLocaleLowerCase()
    .includes(filter.toLocaleLowerCase().trim());
};

/** A column's id as tanstack gives it: its own id, or the key of the field it shows (`accessor('fullName')`). */
const columnId = (column: { id?: string | undefined }) => column.id ?? ('accessorKey' in column ? String(column.accessorKey) : '');

/** A sortable, searchable table: click or press Enter on a column heading to sort by it. */
export function DataTable<T>({ data, columns, search = '', initialSort = [], empty, caption, getRowId, serverSort, unfiltered = true, rowClassName }: DataTableProps<T>) {
  const { t } = useTranslation();
  const [localSorting, setLocalSorting] = useState<SortingState>(initialSort);
  const sorting = serverSort ? serverSort.sorting : localSorting;
  // tanstack keeps each row's column values until the data changes: rows are read again when the
  // columns are rebuilt (a new language, or a value they read), so a language switch relabels the cells.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the columns are the reason to read the rows again
  const freshData = useMemo(() => data.slice(), [data, columns]);
  const table = useReactTable({
    data: freshData,
    columns: serverSort ? columns.map((c) => ({ ...c, enableSorting: serverSort.columns.includes(columnId(c)) })) : columns,
    state: { sorting, globalFilter: serverSort ? '' : search },
    onSortingChange: (update) => {
      const next = typeof update === 'function' ? update(sorting) : update;
      if (serverSort) serverSort.onChange(next);
      else setLocalSorting(next);
    },
    // The backend's page is already in its order; sorting it again here would only mislead.
    manualSorting: serverSort !== undefined,
    sortDescFirst: true,
    enableSortingRemoval: serverSort === undefined,
    globalFilterFn: containsText as FilterFn<T>,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    ...(getRowId ? { getRowId } : {}),
  });

  if (data.length === 0 && unfiltered) return <>{empty}</>;
  const rows = table.getRowModel().rows;

  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped highlightOnHover verticalSpacing="sm" className={classes.table}>
        <Table.Caption className={classes.caption}>{caption}</Table.Caption>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <Table.Th
                    key={header.id}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <UnstyledButton
                        className={classes.sortButton}
                        onClick={header.column.getToggleSortingHandler()}
                        aria-label={
                          sorted
                            ? `${String(header.column.columnDef.header)}, ${sorted === 'asc' ? t('common.sortAscending') : t('common.sortDescending')}`
                            : undefined
                        }
                      >
                        {label}
                        {sorted === 'asc' ? (
                          <IconSortAscending size={14} aria-hidden />
                        ) : sorted === 'desc' ? (
                          <IconSortDescending size={14} aria-hidden />
                        ) : (
                          <IconArrowsSort size={14} aria-hidden className={classes.unsorted} />
                        )}
                      </UnstyledButton>
                    ) : (
                      label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed" ta="center" py="md">
                  {t('common.noMatches')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            rows.map((row) => (
              <Table.Tr key={row.id} className={rowClassName?.(row.original)}>
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                ))}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
