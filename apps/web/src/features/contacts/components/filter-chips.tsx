import { Button, Group, Pill } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from './cell-format.ts';
import { parseCustomFilter, splitOptions } from '../list-params.ts';
import type { ListSearch } from '../list-search.ts';
import type { ListRefs } from './list-refs.ts';

interface Chip {
  key: string;
  label: string;
  remove: Partial<ListSearch>;
}

const names = (ids: readonly string[] | undefined, get: (id: string) => string | undefined) =>
  (ids ?? []).map((id) => get(id) ?? '?').join(', ');

/** The active filters as removable chips, with "Clear filters". */
export function FilterChips(props: {
  search: ListSearch;
  refs: ListRefs;
  onChange: (patch: Partial<ListSearch>) => void;
  onClear: () => void;
  /** Only show the filters (a campaign's audience once it is sent). */
  readOnly?: boolean;
}) {
  const { t } = useTranslation('contacts');
  const { search: s, refs } = props;
  const chips: Chip[] = [];
  const add = (key: string, label: string, remove: Partial<ListSearch>) =>
    chips.push({ key, label, remove });
  const lookup = (id: string) => refs.lookupById.get(id)?.name;

  if (s.search) add('search', `${t('filters.search')}: ${s.search}`, { search: undefined });
  if (s.statusId?.length)
    add(
      'status',
      `${t('filters.status')}: ${names(s.statusId, (id) => refs.statusById.get(id)?.name)}`,
      {
        statusId: undefined,
      },
    );
  if (s.noStatus) add('noStatus', t('filters.noStatus'), { noStatus: undefined });
  if (s.responsibleId?.length || s.noResponsible) {
    const who = [
      ...(s.noResponsible ? [t('filters.nobody')] : []),
      ...(s.responsibleId ?? []).map((id) => refs.staffById.get(id)?.name ?? '?'),
    ];
    add('responsible', `${t('filters.responsible')}: ${who.join(', ')}`, {
      responsibleId: undefined,
      noResponsible: undefined,
    });
  }
  if (s.tagId?.length) {
    const mode = s.tagMode === 'all' ? ` (${t('filters.tagAll')})` : '';
    add('tags', `${t('filters.tags')}: ${names(s.tagId, lookup)}${mode}`, {
      tagId: undefined,
      tagMode: undefined,
    });
  }
  if (s.categoryId?.length)
    add('category', `${t('filters.category')}: ${names(s.categoryId, lookup)}`, {
      categoryId: undefined,
    });
  if (s.branchId?.length)
    add(
      'branch',
      `${t('filters.branch')}: ${names(s.branchId, (id) => refs.branchById.get(id)?.name)}`,
      {
        branchId: undefined,
      },
    );
  if (s.sourceId?.length)
    add('source', `${t('filters.source')}: ${names(s.sourceId, lookup)}`, { sourceId: undefined });
  if (s.industryId?.length)
    add('industry', `${t('filters.industry')}: ${names(s.industryId, lookup)}`, {
      industryId: undefined,
    });
  if (s.companyId) add('company', t('filters.oneCompany'), { companyId: undefined });
  if (s.createdFrom || s.createdTo) {
    const from = s.createdFrom ? formatDay(s.createdFrom, refs.locale) : '…';
    const to = s.createdTo ? formatDay(s.createdTo, refs.locale) : '…';
    add('created', `${t('filters.created')}: ${from} – ${to}`, {
      createdFrom: undefined,
      createdTo: undefined,
    });
  }
  if (s.ageFrom !== undefined || s.ageTo !== undefined) {
    add('age', `${t('filters.age')}: ${s.ageFrom ?? '…'} – ${s.ageTo ?? '…'}`, {
      ageFrom: undefined,
      ageTo: undefined,
    });
  }
  if (s.minor !== undefined) {
    add('minor', t(`filters.minorOptions.${s.minor ? 'minors' : 'adults'}`), { minor: undefined });
  }
  if (s.waiting) add('waiting', t('filters.waiting'), { waiting: undefined });
  if (s.funnelStep) {
    add('funnel', `${t('filters.funnel')}: ${t(`filters.funnelSteps.${s.funnelStep}`)}`, {
      funnelStep: undefined,
    });
  }
  for (const raw of s.cf ?? []) {
    const f = parseCustomFilter(raw);
    const field = f && refs.fieldById.get(f.fieldId);
    if (!f || !field) continue;
    const value =
      field.type === 'dropdown'
        ? splitOptions(f.value)
            .map((id) => field.options.find((o) => o.id === id)?.name ?? '?')
            .join(', ')
        : field.type === 'date'
          ? formatDay(f.value, refs.locale)
          : f.value;
    add(`cf-${raw}`, `${field.name} ${t(`filters.op.${f.op}`)} ${value}`.trim(), {
      cf: (s.cf ?? []).filter((x) => x !== raw),
    });
  }

  if (chips.length === 0) return null;
  return (
    <Group gap={6} data-testid="filter-chips">
      {chips.map((c) => (
        <Pill
          key={c.key}
          size="md"
          withRemoveButton={!props.readOnly}
          removeButtonProps={{ 'aria-label': t('filters.remove', { name: c.label }) }}
          onRemove={() => props.onChange(c.remove)}
        >
          {c.label}
        </Pill>
      ))}
      {!props.readOnly && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={props.onClear}
          data-testid="clear-filters"
        >
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
