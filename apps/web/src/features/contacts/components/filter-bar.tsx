import { Button, Group, Indicator, MultiSelect, SegmentedControl, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListSearch } from '../list-search.ts';
import type { ListRefs } from './list-refs.ts';

/** Marks "nobody is responsible" among the staff options. */
export const NOBODY = 'nobody';

const options = (items: readonly { id: string; name: string }[]) =>
  items.map((i) => ({ value: i.id, label: i.name }));

/**
 * The placeholder names the filter only while it is empty, and the typing field may be
 * narrow: otherwise one chosen value pushes it onto a second line, and that filter stands
 * taller than the others.
 */
const placeholder = (value: readonly string[] | undefined, name: string) =>
  value && value.length > 0 ? undefined : name;
const compactField = { inputField: { minWidth: 48 } };

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
  const [text, setText] = useState(search.search ?? '');
  const commit = useDebouncedCallback((value: string) => {
    onChange({ search: value.trim() || undefined });
  }, 250);
  // Back/forward or "Clear filters" change the URL: show what it now says.
  useEffect(() => {
    if (!commit.isPending()) setText(search.search ?? '');
  }, [search.search, commit]);

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
      <TextInput
        w={{ base: '100%', xs: 240 }}
        leftSection={<IconSearch size={16} />}
        placeholder={t('filters.searchPlaceholder')}
        aria-label={t('filters.search')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          commit(e.currentTarget.value);
        }}
        data-testid="filter-search"
      />
      <MultiSelect
        w={width}
        placeholder={placeholder(search.statusId, t('filters.status'))}
        aria-label={t('filters.status')}
        data={options(refs.statuses.filter((s) => !s.archived || search.statusId?.includes(s.id)))}
        value={search.statusId ?? []}
        onChange={(v) => onChange({ statusId: v.length ? v : undefined })}
        clearable
        searchable
        styles={compactField}
        data-testid="filter-status"
      />
      <MultiSelect
        w={width}
        placeholder={placeholder(responsible, t('filters.responsible'))}
        aria-label={t('filters.responsible')}
        data={staffOptions}
        value={responsible}
        onChange={(v) => {
          const ids = v.filter((x) => x !== NOBODY);
          onChange({
            noResponsible: v.includes(NOBODY) || undefined,
            responsibleId: ids.length ? ids : undefined,
          });
        }}
        clearable
        searchable
        styles={compactField}
        data-testid="filter-responsible"
      />
      <Group gap={6} wrap="nowrap" w={{ base: '100%', xs: 'auto' }}>
        <MultiSelect
          w={width}
          style={{ flex: 1 }}
          placeholder={placeholder(search.tagId, t('filters.tags'))}
          aria-label={t('filters.tags')}
          data={options(refs.tags.filter((x) => !x.archived || search.tagId?.includes(x.id)))}
          value={search.tagId ?? []}
          onChange={(v) => onChange({ tagId: v.length ? v : undefined })}
          clearable
          searchable
          styles={compactField}
          data-testid="filter-tags"
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
