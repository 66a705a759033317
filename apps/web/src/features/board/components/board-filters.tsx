import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBranchOptions, useStaff } from '../../../lib/crm-reference.ts';
import { useTaskStatuses, useTaskTemplates } from '../../tasks/index.ts';
import { hasBoardFilters } from '../board-params.ts';
import type { BoardSearch } from '../board-search.ts';

const MINE = 'me';

/** Keep an archived entry in the list only while a filter still uses it. */
const options = (
  items: readonly { id: string; name: string; archived?: boolean }[],
  chosen: readonly string[] | undefined,
) =>
  items
    .filter((i) => !i.archived || chosen?.includes(i.id))
    .map((i) => ({ value: i.id, label: i.name }));

/** The placeholder names an empty filter only, so a chosen value keeps the row one line high. */
const placeholder = (value: readonly string[] | undefined, name: string) =>
  value && value.length > 0 ? undefined : name;
const compactField = { inputField: { minWidth: 48 } };

/** Seed 003's filters (branch, status) plus assignee, template and search, all in the URL. */
export function BoardFilters(props: {
  search: BoardSearch;
  onChange: (patch: Partial<BoardSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation('board');
  const { search, onChange } = props;
  const branches = useBranchOptions().data?.items ?? [];
  const statuses = useTaskStatuses().data?.items ?? [];
  const templates = useTaskTemplates().data?.items ?? [];
  const staff = useStaff().data?.items ?? [];
  const [text, setText] = useState(search.search ?? '');
  const commit = useDebouncedCallback((value: string) => onChange({ search: value }), 300);
  // Back/forward or "Clear filters" change the URL: show what it now says.
  useEffect(() => {
    if (!commit.isPending()) setText(search.search ?? '');
  }, [search.search, commit]);

  const width = { base: '100%', xs: 170 };
  const assignees = [
    { value: MINE, label: t('filters.mine') },
    ...staff
      .filter((s) => s.active || s.id === search.assigneeId)
      .map((s) => ({ value: s.id, label: s.name })),
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md" data-testid="board-filters">
      <TextInput
        w={{ base: '100%', xs: 200 }}
        leftSection={<IconSearch size={16} />}
        placeholder={t('filters.searchPlaceholder')}
        aria-label={t('filters.search')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          commit(e.currentTarget.value);
        }}
        data-testid="board-search"
      />
      {branches.length > 1 && (
        <MultiSelect
          w={width}
          aria-label={t('filters.branch')}
          placeholder={placeholder(search.branchId, t('filters.branch'))}
          data={options(branches, search.branchId)}
          value={search.branchId ?? []}
          onChange={(v) => onChange({ branchId: v })}
          clearable
          searchable
          styles={compactField}
          data-testid="board-filter-branch"
        />
      )}
      <MultiSelect
        w={width}
        aria-label={t('filters.status')}
        placeholder={placeholder(search.statusId, t('filters.status'))}
        data={options(statuses, search.statusId)}
        value={search.statusId ?? []}
        onChange={(v) => onChange({ statusId: v })}
        clearable
        searchable
        styles={compactField}
        data-testid="board-filter-status"
      />
      <Select
        w={width}
        aria-label={t('filters.assignee')}
        placeholder={t('filters.everyone')}
        data={assignees}
        value={search.assigneeId ?? null}
        onChange={(v) => onChange({ assigneeId: v ?? undefined })}
        clearable
        searchable
        data-testid="board-filter-assignee"
      />
      <MultiSelect
        w={width}
        aria-label={t('filters.template')}
        placeholder={placeholder(search.templateId, t('filters.template'))}
        data={options(
          templates.filter((x) => x.type !== 'round'),
          search.templateId,
        )}
        value={search.templateId ?? []}
        onChange={(v) => onChange({ templateId: v })}
        clearable
        searchable
        styles={compactField}
        data-testid="board-filter-template"
      />
      {hasBoardFilters(search) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => {
            commit.cancel();
            setText('');
            props.onClear();
          }}
          data-testid="board-clear-filters"
        >
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
