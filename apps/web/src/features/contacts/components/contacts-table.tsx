import { Checkbox, Paper, Skeleton, Table, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRow } from '../api/contacts-list-api.ts';
import { nextSort, sortDirection } from '../list-params.ts';
import type { Column } from './columns.tsx';
import type { ListRefs } from './list-refs.ts';

function SortHeader(props: { column: Column; sort: string; onSort: (sort: string) => void }) {
  const { column, sort } = props;
  if (!column.sort) return <Table.Th style={{ whiteSpace: 'nowrap' }}>{column.label}</Table.Th>;
  const dir = sortDirection(sort, column.sort);
  const Icon = dir === 'asc' ? IconArrowUp : dir === 'desc' ? IconArrowDown : IconSelector;
  const key = column.sort;
  return (
    <Table.Th
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton
        onClick={() => props.onSort(nextSort(sort, key))}
        fw={700}
        fz="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        data-testid={`sort-${column.key}`}
      >
        {column.label}
        <Icon size={14} opacity={dir ? 1 : 0.4} />
      </UnstyledButton>
    </Table.Th>
  );
}

/** The list table: sortable headers, optional selection, rows that open the record. */
export function ContactsTable(props: {
  testId: string;
  rowTestId: string;
  rows: ContactRow[] | undefined;
  pageSize: number;
  columns: Column[];
  refs: ListRefs;
  sort: string;
  onSort: (sort: string) => void;
  selectable: boolean;
  selected: ReadonlySet<string>;
  allMatching: boolean;
  onSelect: (ids: string[], on: boolean) => void;
  onOpen: (row: ContactRow) => void;
  stale: boolean;
}) {
  const { t } = useTranslation('contacts');
  const { rows, columns, refs } = props;
  const ids = rows?.map((r) => r.id) ?? [];
  const chosen = ids.filter((id) => props.allMatching || props.selected.has(id)).length;
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, row: ContactRow) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) props.onOpen(row);
  };

  return (
    <Paper withBorder radius="md" pos="relative" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={720} maxHeight="calc(100dvh - 290px)" type="native">
        <Table
          stickyHeader
          striped
          highlightOnHover
          verticalSpacing="xs"
          data-testid={props.testId}
          style={{ opacity: props.stale ? 0.6 : 1, transition: 'opacity 120ms' }}
        >
          <Table.Thead>
            <Table.Tr>
              {props.selectable && (
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('table.selectPage')}
                    checked={ids.length > 0 && chosen === ids.length}
                    indeterminate={chosen > 0 && chosen < ids.length}
                    disabled={ids.length === 0 || props.allMatching}
                    onChange={(e) => props.onSelect(ids, e.currentTarget.checked)}
                    data-testid="select-page"
                  />
                </Table.Th>
              )}
              {columns.map((c) => (
                <SortHeader key={c.key} column={c} sort={props.sort} onSort={props.onSort} />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!rows &&
              Array.from({ length: Math.min(props.pageSize, 12) }, (_, i) => (
                <Table.Tr key={i}>
                  {props.selectable && <Table.Td />}
                  {columns.map((c) => (
                    <Table.Td key={c.key}>
                      <Skeleton h={14} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {rows?.map((row) => {
              const checked = props.allMatching || props.selected.has(row.id);
              return (
                <Table.Tr
                  key={row.id}
                  tabIndex={0}
                  onClick={() => props.onOpen(row)}
                  onKeyDown={(e) => onKey(e, row)}
                  style={{ cursor: 'pointer' }}
                  bg={checked ? 'var(--mantine-primary-color-light)' : undefined}
                  data-testid={`${props.rowTestId}-${row.id}`}
                >
                  {props.selectable && (
                    <Table.Td onClick={(e) => e.stopPropagation()}>
                      <Checkbox
                        aria-label={t('table.select', { name: row.displayName })}
                        checked={checked}
                        disabled={props.allMatching}
                        onChange={(e) => props.onSelect([row.id], e.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  {columns.map((c) => (
                    <Table.Td key={c.key} style={{ whiteSpace: 'nowrap' }}>
                      {/* A long value (an email) ends in "…" rather than running over the next column. */}
                      <div
                        style={{
                          width: 'max-content',
                          maxWidth: 320,
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                        }}
                      >
                        {c.render(row, refs)}
                      </div>
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {/* Outside the scroll container: an absolute element inside it would lengthen the page. */}
      <VisuallyHidden aria-live="polite">{props.stale ? t('table.loading') : ''}</VisuallyHidden>
    </Paper>
  );
}
