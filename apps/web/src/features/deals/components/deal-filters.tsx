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
import { useDealList, useGroups } from '../api/deals-api.ts';
import { closeMonths, hasDealFilters } from '../deal-params.ts';
import type { DealsSearch, PipelineSearch } from '../deals-search.ts';
import { formatMonth } from './deal-format.ts';

const MINE = 'me';

type FilterSearch = Pick<
  PipelineSearch & DealsSearch,
  'ownerId' | 'groupId' | 'branchId' | 'typeId' | 'closeMonth' | 'q'
>;

/** The club's today (YYYY-MM-DD) in its time zone. */
export const clubToday = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/** The board's and the list's filters (S-4): owner, group, branch, type, close month, search. */
export function DealFilters(props: {
  search: FilterSearch;
  timeZone: string;
  onChange: (patch: Partial<FilterSearch>) => void;
  onClear: () => void;
  children?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation('deals');
  const { search, onChange } = props;
  const staff = useStaff().data?.items ?? [];
  const groups = useGroups().data?.items ?? [];
  const branches = useBranchOptions().data?.items ?? [];
  const types = useDealList('types').data?.items ?? [];
  const text = useDebouncedSearch(search.q, (value) => onChange({ q: value }), 300);
  const width = { base: '100%', xs: 170 };
  const owners = [
    { value: MINE, label: t('filters.mine') },
    ...staff
      .filter((s) => s.active || s.id === search.ownerId)
      .map((s) => ({ value: s.id, label: s.name })),
  ];
  const months = closeMonths(clubToday(props.timeZone));
  if (search.closeMonth && !months.includes(search.closeMonth)) months.push(search.closeMonth);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md" data-testid="deal-filters">
      <SearchInput
        search={text}
        w={{ base: '100%', xs: 200 }}
        placeholder={t('filters.searchPlaceholder')}
        label={t('filters.search')}
        testId="deal-search"
      />
      {props.children}
      <Select
        w={width}
        aria-label={t('filters.owner')}
        placeholder={t('filters.everyone')}
        data={owners}
        value={search.ownerId ?? null}
        onChange={(v) => onChange({ ownerId: v ?? undefined })}
        clearable
        searchable
        data-testid="deal-filter-owner"
      />
      {groups.length > 0 && (
        <FilterMultiSelect
          w={width}
          label={t('filters.group')}
          data={filterOptions(groups, search.groupId)}
          value={search.groupId}
          onChange={(v) => onChange({ groupId: v })}
          searchable
          testId="deal-filter-group"
        />
      )}
      {branches.length > 1 && (
        <FilterMultiSelect
          w={width}
          label={t('filters.branch')}
          data={filterOptions(branches, search.branchId)}
          value={search.branchId}
          onChange={(v) => onChange({ branchId: v })}
          searchable
          testId="deal-filter-branch"
        />
      )}
      <FilterMultiSelect
        w={width}
        label={t('filters.type')}
        data={filterOptions(types, search.typeId)}
        value={search.typeId}
        onChange={(v) => onChange({ typeId: v })}
        testId="deal-filter-type"
      />
      <Select
        w={width}
        aria-label={t('filters.closeMonth')}
        placeholder={t('filters.closeMonth')}
        data={months.map((m) => ({ value: m, label: formatMonth(m, i18n.language) }))}
        value={search.closeMonth ?? null}
        onChange={(v) => onChange({ closeMonth: v ?? undefined })}
        clearable
        data-testid="deal-filter-month"
      />
      {hasDealFilters(search) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => {
            text.clear();
            props.onClear();
          }}
          data-testid="deal-clear-filters"
        >
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
