import {
  Button,
  Divider,
  Drawer,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListSearch } from '../list-search.ts';
import { CustomFieldFilter } from './custom-field-filter.tsx';
import type { ListRefs } from './list-refs.ts';

type Draft = Pick<
  ListSearch,
  | 'categoryId'
  | 'branchId'
  | 'sourceId'
  | 'industryId'
  | 'createdFrom'
  | 'createdTo'
  | 'cf'
  | 'ageFrom'
  | 'ageTo'
  | 'minor'
>;

const pick = (s: ListSearch): Draft => ({
  categoryId: s.categoryId,
  branchId: s.branchId,
  sourceId: s.sourceId,
  industryId: s.industryId,
  createdFrom: s.createdFrom,
  createdTo: s.createdTo,
  cf: s.cf,
  ageFrom: s.ageFrom,
  ageTo: s.ageTo,
  minor: s.minor,
});
export const EMPTY_MORE: Draft = pick({});

/** How many of the drawer's filters are set (shown on its button). */
export const moreFilterCount = (s: ListSearch) =>
  Object.values(pick(s)).filter((v) =>
    Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '',
  ).length;

const list = (v: string[]) => (v.length ? v : undefined);
const day = (v: unknown) => (v ? String(v).slice(0, 10) : undefined);
/** A typed age, or nothing while the input is empty. */
const years = (v: string | number) => (typeof v === 'number' ? v : undefined);
const MINOR_OPTIONS = ['any', 'minors', 'adults'] as const;
const minorOf = (v: boolean | undefined) => (v === undefined ? 'any' : v ? 'minors' : 'adults');

/** The less used filters, edited as a draft and applied together. */
export function MoreFiltersDrawer(props: {
  opened: boolean;
  search: ListSearch;
  refs: ListRefs;
  onClose: () => void;
  onApply: (patch: Draft) => void;
}) {
  const { t } = useTranslation('contacts');
  const { refs } = props;
  const [draft, setDraft] = useState<Draft>(() => pick(props.search));
  const [wasOpened, setWasOpened] = useState(props.opened);
  // Each opening starts from what the URL says now.
  if (props.opened !== wasOpened) {
    setWasOpened(props.opened);
    if (props.opened) setDraft(pick(props.search));
  }
  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const opts = (items: readonly { id: string; name: string; archived?: boolean }[]) =>
    items.filter((i) => !i.archived).map((i) => ({ value: i.id, label: i.name }));
  const fields = refs.customFields.filter((f) => !f.archived);

  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      position="right"
      title={t('filters.more')}
      data-testid="more-filters-drawer"
    >
      <Stack gap="sm">
        <MultiSelect
          label={t('filters.category')}
          data={opts(refs.categories)}
          value={draft.categoryId ?? []}
          onChange={(v) => patch({ categoryId: list(v) })}
          clearable
          searchable
          data-testid="filter-category"
        />
        <MultiSelect
          label={t('filters.branch')}
          data={opts(refs.branches)}
          value={draft.branchId ?? []}
          onChange={(v) => patch({ branchId: list(v) })}
          clearable
          searchable
          data-testid="filter-branch"
        />
        {refs.kind === 'company' && (
          <MultiSelect
            label={t('filters.industry')}
            data={opts(refs.industries)}
            value={draft.industryId ?? []}
            onChange={(v) => patch({ industryId: list(v) })}
            clearable
            searchable
            data-testid="filter-industry"
          />
        )}
        <MultiSelect
          label={t('filters.source')}
          data={opts(refs.sources)}
          value={draft.sourceId ?? []}
          onChange={(v) => patch({ sourceId: list(v) })}
          clearable
          searchable
          data-testid="filter-source"
        />
        <DatePickerInput
          type="range"
          label={t('filters.created')}
          placeholder={t('filters.anyDate')}
          valueFormat="ll"
          allowSingleDateInRange
          clearable
          value={[draft.createdFrom ?? null, draft.createdTo ?? null]}
          onChange={([from, to]) => patch({ createdFrom: day(from), createdTo: day(to) })}
          data-testid="filter-created"
        />
        {refs.kind === 'person' && (
          <Stack gap={6} data-testid="filter-age">
            <Group gap="sm" grow>
              <NumberInput
                label={t('filters.ageFrom')}
                min={0}
                max={130}
                allowDecimal={false}
                allowNegative={false}
                value={draft.ageFrom ?? ''}
                onChange={(v) => patch({ ageFrom: years(v) })}
                data-testid="filter-age-from"
              />
              <NumberInput
                label={t('filters.ageTo')}
                min={0}
                max={130}
                allowDecimal={false}
                allowNegative={false}
                value={draft.ageTo ?? ''}
                onChange={(v) => patch({ ageTo: years(v) })}
                data-testid="filter-age-to"
              />
            </Group>
            <SegmentedControl
              fullWidth
              aria-label={t('filters.minor')}
              value={minorOf(draft.minor)}
              onChange={(v) => patch({ minor: v === 'any' ? undefined : v === 'minors' })}
              data={MINOR_OPTIONS.map((o) => ({ value: o, label: t(`filters.minorOptions.${o}`) }))}
              data-testid="filter-minor"
            />
          </Stack>
        )}
        {fields.length > 0 && (
          <>
            <Divider mt="xs" />
            <Text fw={600} size="sm">
              {t('filters.customFields')}
            </Text>
            {fields.map((f) => (
              <CustomFieldFilter
                key={f.id}
                field={f}
                cf={draft.cf ?? []}
                onChange={(cf) => patch({ cf: list(cf) })}
              />
            ))}
          </>
        )}
        <Group justify="space-between" mt="md">
          <Button variant="subtle" onClick={() => setDraft(EMPTY_MORE)}>
            {t('filters.reset')}
          </Button>
          <Button onClick={() => props.onApply(draft)} data-testid="apply-filters">
            {t('filters.apply')}
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
