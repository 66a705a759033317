import { Button, Group, Indicator, SegmentedControl } from '@mantine/core';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  FilterMultiSelect,
  filterOptions,
  SearchInput,
  useDebouncedSearch,
} from '../../../components/filter-inputs.tsx';
import type { ListSearch } from '../list-search.ts';
import type { ListRefs } from './list-refs.ts';

/** Marks "nobody is responsible" among the staff options. */
export const NOBODY = 'nobody';

/** The filters used most, always visible; the rest live in the "More filters" drawer. */
export function FilterBar(props: {
  search: ListSearch;
  refs: ListRefs;
  moreCount: number;
  onChange: (patch: Partial<ListSearch>) => void;
  onMore: () => void;
}) {
  const { t } = useTranslation('contacts');
  const { search, refs, onChange } = props;
  const text = useDebouncedSearch(
    search.search,
    (value) => onChange({ search: value.trim() || undefined }),
    250,
  );

  const responsible = [...(search.noResponsible ? [NOBODY] : []), ...(search.responsibleId ?? [])];
  const staffOptions = [
    { value: NOBODY, label: t('filters.nobody') },
    ...refs.staff.map((s) => ({
      value: s.id,
      label: s.active ? s.name : `${s.name} (${t('filters.inactive')})`,
    })),
  ];
  const width = { base: '100%', xs: 220 };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        search={text}
        w={{ base: '100%', xs: 240 }}
        placeholder={t('filters.searchPlaceholder')}
        label={t('filters.search')}
        testId="filter-search"
      />
      <FilterMultiSelect
        w={width}
        label={t('filters.status')}
        data={filterOptions(refs.statuses, search.statusId)}
        value={search.statusId}
        onChange={(v) => onChange({ statusId: v.length ? v : undefined })}
        searchable
        testId="filter-status"
      />
      <FilterMultiSelect
        w={width}
        label={t('filters.responsible')}
        data={staffOptions}
        value={responsible}
        onChange={(v) => {
          const ids = v.filter((x) => x !== NOBODY);
          onChange({
            noResponsible: v.includes(NOBODY) || undefined,
            responsibleId: ids.length ? ids : undefined,
          });
        }}
        searchable
        testId="filter-responsible"
      />
      <Group gap={6} wrap="nowrap" w={{ base: '100%', xs: 'auto' }}>
        <FilterMultiSelect
          w={width}
          style={{ flex: 1 }}
          label={t('filters.tags')}
          data={filterOptions(refs.tags, search.tagId)}
          value={search.tagId}
          onChange={(v) => onChange({ tagId: v.length ? v : undefined })}
          searchable
          testId="filter-tags"
        />
        {(search.tagId?.length ?? 0) > 1 && (
          <SegmentedControl
            size="xs"
            aria-label={t('filters.tagMode')}
            value={search.tagMode ?? 'any'}
            onChange={(v) => onChange({ tagMode: v === 'all' ? 'all' : undefined })}
            data={[
              { value: 'any', label: t('filters.tagAny') },
              { value: 'all', label: t('filters.tagAll') },
            ]}
            data-testid="filter-tag-mode"
          />
        )}
      </Group>
      <Indicator label={props.moreCount} size={16} disabled={props.moreCount === 0}>
        <Button
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          onClick={props.onMore}
          data-testid="more-filters"
        >
          {t('filters.more')}
        </Button>
      </Indicator>
    </Group>
  );
}
