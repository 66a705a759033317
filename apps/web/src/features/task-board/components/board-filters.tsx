import { Button, Group, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  FilterMultiSelect,
  filterOptions,
  SearchInput,
  useDebouncedSearch,
} from '../../../components/filter-inputs.tsx';
import { useBranchOptions, useStaff } from '../../../lib/crm-reference.ts';
import { useTaskStatuses, useTaskTemplates } from '../../tasks/index.ts';
import { hasBoardFilters } from '../board-params.ts';
import type { BoardSearch } from '../board-search.ts';

const MINE = 'me';

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
  const text = useDebouncedSearch(search.search, (value) => onChange({ search: value }), 300);

  const width = { base: '100%', xs: 170 };
  const assignees = [
    { value: MINE, label: t('filters.mine') },
    ...staff
      .filter((s) => s.active || s.id === search.assigneeId)
      .map((s) => ({ value: s.id, label: s.name })),
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md" data-testid="board-filters">
      <SearchInput
        search={text}
        w={{ base: '100%', xs: 200 }}
        placeholder={t('filters.searchPlaceholder')}
        label={t('filters.search')}
        testId="board-search"
      />
      {branches.length > 1 && (
        <FilterMultiSelect
          w={width}
          label={t('filters.branch')}
          data={filterOptions(branches, search.branchId)}
          value={search.branchId}
          onChange={(v) => onChange({ branchId: v })}
          searchable
          testId="board-filter-branch"
        />
      )}
      <FilterMultiSelect
        w={width}
        label={t('filters.status')}
        data={filterOptions(statuses, search.statusId)}
        value={search.statusId}
        onChange={(v) => onChange({ statusId: v })}
        searchable
        testId="board-filter-status"
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
      <FilterMultiSelect
        w={width}
        label={t('filters.template')}
        data={filterOptions(
          templates.filter((x) => x.type !== 'round'),
          search.templateId,
        )}
        value={search.templateId}
        onChange={(v) => onChange({ templateId: v })}
        searchable
        testId="board-filter-template"
      />
      {hasBoardFilters(search) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => {
            text.clear();
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
