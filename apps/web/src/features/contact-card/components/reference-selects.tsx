import { Group, MultiSelect, Pill, Select, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ContactKind, LookupKind } from '@spotter/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorBadge, readableOn, TagBadge } from '../../../components/status-badge.tsx';
import {
  inScope,
  useBranchOptions,
  useLookups,
  useMayBeResponsible,
  useStaff,
  useStatuses,
} from '../../../lib/crm-reference.ts';
import { useContactSearch } from '../api/contact-api.ts';

/** What a form field hands a select: Mantine's getInputProps. */
type FieldProps = Omit<SelectProps, 'data'> & { testId?: string };

export function StatusSelect({ kind, testId, ...props }: FieldProps & { kind: ContactKind }) {
  const statuses = useStatuses(kind);
  const byId = useMemo(
    () => new Map((statuses.data?.items ?? []).map((s) => [s.id, s])),
    [statuses.data],
  );
  return (
    <Select
      {...props}
      data={(statuses.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
      clearable
      data-testid={testId}
      renderOption={({ option }) => {
        const s = byId.get(option.value);
        return s ? <ColorBadge name={s.name} color={s.color} background={s.background} /> : null;
      }}
    />
  );
}

/**
 * Active staff whose role may be responsible (the CRM settings); someone already responsible
 * who has left, or whose role no longer may, still shows by name.
 */
export function StaffSelect({ testId, ...props }: FieldProps) {
  const staff = useStaff();
  const mayBeResponsible = useMayBeResponsible();
  const data = (staff.data?.items ?? [])
    .filter((s) => mayBeResponsible(s) || s.id === props.value)
    .map((s) => ({ value: s.id, label: s.name }));
  return <Select {...props} data={data} clearable searchable data-testid={testId} />;
}

export function BranchSelect({ testId, ...props }: FieldProps) {
  const branches = useBranchOptions();
  const data = (branches.data?.items ?? [])
    .filter((b) => !b.archived || b.id === props.value)
    .map((b) => ({ value: b.id, label: b.name }));
  return <Select {...props} data={data} clearable data-testid={testId} />;
}

/** One entry of a configurable list: sources, industries. */
export function LookupSelect({ lookup, testId, ...props }: FieldProps & { lookup: LookupKind }) {
  const items = useLookups(lookup);
  const data = (items.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }));
  return <Select {...props} data={data} clearable searchable data-testid={testId} />;
}

/** Tags, categories, products: those meant for this kind of contact, tags in their colour. */
export function LookupMultiSelect(props: {
  lookup: LookupKind;
  kind: ContactKind;
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: React.ReactNode;
  testId?: string;
}) {
  const items = useLookups(props.lookup);
  const list = (items.data?.items ?? []).filter((l) => inScope(l, props.kind));
  const byId = new Map(list.map((l) => [l.id, l]));
  return (
    <MultiSelect
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      data={list.map((l) => ({ value: l.id, label: l.name }))}
      searchable
      clearable
      data-testid={props.testId}
      renderOption={({ option }) => {
        const l = byId.get(option.value);
        return l?.color ? <TagBadge name={l.name} color={l.color} /> : option.label;
      }}
      // Chosen tags in their own colour, as on the card and in the list.
      renderPill={({ option, value, onRemove, disabled }) => {
        const l = value ? byId.get(value) : undefined;
        return (
          <Pill
            withRemoveButton={!disabled}
            onRemove={onRemove}
            style={l?.color ? { backgroundColor: l.color, color: readableOn(l.color) } : undefined}
          >
            {l?.name ?? option?.label ?? value}
          </Pill>
        );
      }}
    />
  );
}

/**
 * Picks a person or a company by typing part of its name, phone or email (GET /api/search).
 * `initial` names the current value, which the search results may not contain.
 */
export function ContactSearchSelect({
  kind,
  initial,
  exclude,
  testId,
  ...props
}: FieldProps & {
  kind: ContactKind;
  initial?: { id: string; name: string } | null;
  exclude?: string;
}) {
  const { t } = useTranslation('card');
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search, 250);
  const hits = useContactSearch(kind, term);
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const options = new Map<string, string>();
  if (initial) options.set(initial.id, initial.name);
  for (const [id, name] of picked) options.set(id, name);
  for (const hit of hits.data?.items ?? []) {
    if (hit.id !== exclude) options.set(hit.id, hit.displayName);
  }
  const details = new Map((hits.data?.items ?? []).map((h) => [h.id, h.detail]));
  return (
    <Select
      {...props}
      data={[...options].map(([value, label]) => ({ value, label }))}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered and ranked; the typed text need not appear in the label.
      filter={({ options: all }) => all}
      nothingFoundMessage={term.trim() ? t('search.nothingFound') : t('search.typeToSearch')}
      data-testid={testId}
      onChange={(value, option) => {
        if (value && option) setPicked((m) => new Map(m).set(value, option.label));
        props.onChange?.(value, option);
      }}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{option.label}</Text>
          {details.get(option.value) && (
            <Text size="xs" c="dimmed">
              {details.get(option.value)}
            </Text>
          )}
        </Group>
      )}
    />
  );
}
