import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ContactKind, Me } from '@spotter/contracts';
import { IconFileImport, IconPlus, IconSearchOff, IconUsers } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useContactCount, useContactList, type ContactRow } from '../api/contacts-list-api.ts';
import {
  clearFilters,
  filterParams,
  hasFilters,
  PAGE_SIZES,
  pageOf,
  pageSearch,
  pageSizeOf,
  sortOf,
  toFilter,
} from '../list-params.ts';
import type { ListSearch } from '../list-search.ts';
import { BulkBar } from './bulk-bar.tsx';
import { CursorFooter } from './cursor-footer.tsx';
import { columnsFor } from './columns.tsx';
import { ContactsTable } from './contacts-table.tsx';
import { FilterBar } from './filter-bar.tsx';
import { FilterChips } from './filter-chips.tsx';
import { ColumnsMenu, ExportMenu } from './list-menus.tsx';
import { useListRefs } from './list-refs.ts';
import { MoreFiltersDrawer, moreFilterCount } from './more-filters-drawer.tsx';
import { useVisibleColumns } from './use-visible-columns.ts';

function ListEmpty(props: {
  icon: React.ReactNode;
  title: string;
  text: string;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="empty-state">
      <Stack align="center" gap="xs" ta="center">
        <ThemeIcon size={52} radius="xl" variant="light" color="gray">
          {props.icon}
        </ThemeIcon>
        <Text fw={600}>{props.title}</Text>
        <Text size="sm" c="dimmed" maw={420}>
          {props.text}
        </Text>
        <Group gap="sm" mt="xs">
          {props.children}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The persons or companies list: filters in the URL, sortable columns, paging, bulk actions. */
export function ContactList(props: {
  kind: ContactKind;
  me: Me;
  search: ListSearch;
  onSearch: (next: ListSearch) => void;
  onOpen: (row: ContactRow) => void;
  onAdd: () => void;
  onImport: () => void;
  /** More buttons in the header, before "Add" (the persons list's "send a campaign"). */
  actions?: React.ReactNode;
}) {
  const { kind, me, search } = props;
  const { t, i18n } = useTranslation('contacts');
  const refs = useListRefs(kind, me, i18n.language);
  const allColumns = useMemo(() => columnsFor(refs, t), [refs, t]);
  const cols = useVisibleColumns(kind, me.user.id, allColumns);
  const list = useContactList(kind, search);
  const counted = useContactCount(kind, search);
  const [moreOpen, setMoreOpen] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const canWrite = me.permissions.includes('contacts.write');
  const canAdmin = me.permissions.includes('contacts.admin');
  const k = kind === 'person' ? 'persons' : 'companies';

  // A different filter is a different set of rows: the selection no longer applies.
  const filterKey = filterParams(search).toString();
  useEffect(() => {
    setSelected(new Set());
    setAllMatching(false);
  }, [filterKey]);

  // A new filter or sort starts again at the first page.
  const first = { page: undefined, cursor: undefined };
  const change = (patch: Partial<ListSearch>) => props.onSearch({ ...search, ...patch, ...first });
  const clear = () => props.onSearch(clearFilters(search));
  const select = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(false);
  };

  const data = list.data;
  const count = counted.data;
  const filtered = hasFilters(search);
  const pageIds = data?.items.map((r) => r.id) ?? [];
  const pageAllSelected = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const selectedCount = allMatching ? (count?.total ?? 0) : selected.size;
  const exportColumns = cols.visible.filter((c) => c.exportable !== false).map((c) => c.key);
  // Empty is known from the page itself: no rows on the first page.
  const empty = list.isSuccess && !search.cursor && data?.items.length === 0;
  const nothingAtAll = empty && !list.isPlaceholderData && !filtered;
  // A page reached by "previous" that the API answered with the first page is page 1.
  const page = data && data.prevCursor === null ? 1 : pageOf(search);

  return (
    <>
      <PageHeader
        title={t(`${k}.title`)}
        actions={
          <>
            {canWrite && (
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={props.onImport}
                data-testid="import"
              >
                {t('toolbar.import')}
              </Button>
            )}
            <ColumnsMenu
              columns={allColumns}
              isVisible={cols.isVisible}
              onToggle={cols.toggle}
              onReset={cols.reset}
            />
            <ExportMenu kind={kind} search={search} columns={exportColumns} />
            {props.actions}
            {canWrite && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={props.onAdd}
                data-testid={kind === 'person' ? 'add-person' : 'add-company'}
              >
                {t(`${k}.add`)}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="sm">
        <FilterBar
          search={search}
          refs={refs}
          moreCount={moreFilterCount(search)}
          onChange={change}
          onMore={() => setMoreOpen(true)}
        />
        <FilterChips search={search} refs={refs} onChange={change} onClear={clear} />
        {canWrite && selectedCount > 0 && (
          <BulkBar
            kind={kind}
            refs={refs}
            count={selectedCount}
            total={count?.total ?? 0}
            capped={count?.capped ?? false}
            pageAllSelected={pageAllSelected}
            allMatching={allMatching}
            canDelete={canAdmin}
            canRound={me.permissions.includes('tasks.write')}
            target={allMatching ? { filter: toFilter(search) } : { ids: [...selected] }}
            onSelectAll={() => setAllMatching(true)}
            onClear={clearSelection}
          />
        )}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {nothingAtAll && (
          <ListEmpty
            icon={<IconUsers size={28} />}
            title={t(`${k}.emptyTitle`)}
            text={t(`${k}.emptyText`)}
          >
            {canWrite && (
              <>
                <Button variant="light" leftSection={<IconPlus size={16} />} onClick={props.onAdd}>
                  {t(`${k}.add`)}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconFileImport size={16} />}
                  onClick={props.onImport}
                >
                  {t('toolbar.import')}
                </Button>
              </>
            )}
          </ListEmpty>
        )}
        {empty && filtered && (
          <ListEmpty
            icon={<IconSearchOff size={28} />}
            title={t('empty.noMatchesTitle')}
            text={t('empty.noMatchesText')}
          >
            <Button variant="light" onClick={clear}>
              {t('filters.clear')}
            </Button>
          </ListEmpty>
        )}
        {!list.isError && !empty && (
          <>
            <ContactsTable
              testId={kind === 'person' ? 'persons-table' : 'companies-table'}
              rowTestId={kind === 'person' ? 'person-row' : 'company-row'}
              rows={data?.items}
              pageSize={pageSizeOf(search)}
              columns={cols.visible}
              refs={refs}
              sort={sortOf(search)}
              onSort={(sort) => props.onSearch({ ...search, sort, ...first })}
              selectable={canWrite}
              selected={selected}
              allMatching={allMatching}
              onSelect={select}
              onOpen={props.onOpen}
              stale={list.isPlaceholderData && list.isFetching}
            />
            {data && (
              <CursorFooter
                page={page}
                pageSize={pageSizeOf(search)}
                shown={data.items.length}
                count={count}
                hasPrev={data.prevCursor !== null}
                hasNext={data.nextCursor !== null}
                onFirst={() => props.onSearch(pageSearch(search, null, 1))}
                onPrev={() => props.onSearch(pageSearch(search, data.prevCursor, page - 1))}
                onNext={() => props.onSearch(pageSearch(search, data.nextCursor, page + 1))}
                pageSizes={PAGE_SIZES}
                onPageSize={(pageSize) => props.onSearch({ ...search, pageSize, ...first })}
              />
            )}
          </>
        )}
      </Stack>
      <MoreFiltersDrawer
        opened={moreOpen}
        search={search}
        refs={refs}
        onClose={() => setMoreOpen(false)}
        onApply={(patch) => {
          setMoreOpen(false);
          change(patch);
        }}
      />
    </>
  );
}
