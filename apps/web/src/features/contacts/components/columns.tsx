import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { Company, CustomField, Person } from '@spotter/contracts';
import type { TFunction } from 'i18next';
import { Link } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';
import { ColorBadge, TagBadge } from '../../../components/status-badge.tsx';
import { shownPhone, telHref } from '../../../lib/phone-display.ts';
import { formatPhone } from '../../../lib/phone.ts';
import type { ContactRow } from '../api/contacts-list-api.ts';
import { formatDay, formatMoney, formatNumber, formatStamp } from './cell-format.ts';
import type { ListRefs } from './list-refs.ts';

/** One list column: its key (also the export column), header, sort key and cell. */
export interface Column {
  key: string;
  label: string;
  sort?: string;
  /** Shown unless the user hid it; `name` is always shown. */
  optional: boolean;
  defaultVisible: boolean;
  /** False for columns the export cannot produce. */
  exportable?: false;
  render: (row: ContactRow, refs: ListRefs) => ReactNode;
}

const dash = '—';
const or = (v: string | null | undefined) => (v ? v : dash);

const phoneOf = (row: ContactRow, refs: ListRefs) => {
  const first = row.phones[0];
  return first ? formatPhone(first.number, refs.phoneRegion) : dash;
};

/**
 * A minor's phone cell also says who to call about them (issue 17): their primary guardian,
 * with the role, and the guardian's number as a link that dials it.
 */
function phoneCell(row: ContactRow, refs: ListRefs): ReactNode {
  const guardian = row.kind === 'person' && row.minor ? row.guardian : null;
  if (!guardian) return phoneOf(row, refs);
  const who = guardian.role ? `${guardian.role}: ${guardian.name}` : guardian.name;
  return (
    <Stack gap={0}>
      <span>{phoneOf(row, refs)}</span>
      <Text size="xs" c="dimmed" lineClamp={1} data-testid="row-guardian">
        {who}
        {guardian.phone && (
          <>
            {' · '}
            <Anchor
              size="xs"
              href={telHref(guardian.phone)}
              onClick={(e: MouseEvent) => e.stopPropagation()}
            >
              {shownPhone(guardian, refs.phoneRegion)}
            </Anchor>
          </>
        )}
      </Text>
    </Stack>
  );
}

function tagCell(row: ContactRow, refs: ListRefs): ReactNode {
  const tags = row.tagIds.flatMap((id) => refs.tagById.get(id) ?? []);
  if (tags.length === 0) return dash;
  return (
    <Group gap={4} wrap="nowrap">
      {tags.map((tag) => (
        <TagBadge key={tag.id} name={tag.name} color={tag.color} />
      ))}
    </Group>
  );
}

function statusCell(row: ContactRow, refs: ListRefs): ReactNode {
  const status = row.statusId ? refs.statusById.get(row.statusId) : undefined;
  return status ? (
    <ColorBadge name={status.name} color={status.color} background={status.background} />
  ) : (
    dash
  );
}

export function customCell(field: CustomField, row: ContactRow, refs: ListRefs): ReactNode {
  const value = row.custom[field.id];
  if (value === undefined || value === null || value === '') return dash;
  switch (field.type) {
    case 'money':
      return formatMoney(value, refs.locale, refs.currency);
    case 'number':
      return formatNumber(value, refs.locale);
    case 'date':
      return formatDay(value, refs.locale);
    case 'dropdown': {
      const option = field.options.find((o) => o.id === value);
      return option ? (
        <ColorBadge
          name={option.name}
          abbreviation={option.abbreviation}
          color={option.color}
          background={option.background}
        />
      ) : (
        dash
      );
    }
    default:
      return (
        <Text size="sm" lineClamp={1} maw={260}>
          {String(value)}
        </Text>
      );
  }
}

const asPerson = (row: ContactRow): Person | null => (row.kind === 'person' ? row : null);
const asCompany = (row: ContactRow): Company | null => (row.kind === 'company' ? row : null);

type Def = Omit<Column, 'label' | 'optional' | 'defaultVisible'> & { hidden?: boolean };

/** Columns both kinds share, in their usual place. */
const common = {
  phone: { key: 'phone', render: phoneCell },
  email: {
    key: 'email',
    // Cut with "…" in the table; the whole address on hover.
    render: (r: ContactRow) => <span title={r.emails[0]?.email}>{or(r.emails[0]?.email)}</span>,
  },
  status: { key: 'status', sort: 'status', render: statusCell },
  responsible: {
    key: 'responsible',
    sort: 'responsible',
    render: (r: ContactRow, refs: ListRefs) =>
      or(r.responsibleId ? refs.staffById.get(r.responsibleId)?.name : null),
  },
  tags: { key: 'tags', render: tagCell },
  branch: {
    key: 'branch',
    render: (r: ContactRow, refs: ListRefs) =>
      or(r.branchId ? refs.branchById.get(r.branchId)?.name : null),
  },
  source: {
    key: 'source',
    render: (r: ContactRow, refs: ListRefs) =>
      or(r.sourceId ? refs.lookupById.get(r.sourceId)?.name : null),
  },
  created: {
    key: 'created',
    sort: 'createdAt',
    render: (r: ContactRow, refs: ListRefs) => formatStamp(r.createdAt, refs.locale, refs.timezone),
  },
  updated: {
    key: 'updated',
    sort: 'updatedAt',
    render: (r: ContactRow, refs: ListRefs) => formatStamp(r.updatedAt, refs.locale, refs.timezone),
  },
} satisfies Record<string, Def>;

const PERSON_COLUMNS: Def[] = [
  common.phone,
  common.email,
  common.status,
  common.responsible,
  common.tags,
  { ...common.branch, hidden: true },
  { ...common.source, hidden: true },
  {
    key: 'company',
    hidden: true,
    render: (r) => or(asPerson(r)?.company?.name),
  },
  { key: 'city', sort: 'city', hidden: true, render: (r) => or(asPerson(r)?.address.city) },
  {
    key: 'birthDate',
    sort: 'birthDate',
    hidden: true,
    render: (r, refs) => formatDay(asPerson(r)?.birthDate, refs.locale),
  },
  {
    // Whole years on the club's clock, from the server (it knows the club's today).
    key: 'age',
    exportable: false,
    render: (r, refs) => {
      const age = asPerson(r)?.age;
      return age === null || age === undefined ? dash : formatNumber(age, refs.locale);
    },
  },
  common.created,
  { ...common.updated, hidden: true },
];

const COMPANY_COLUMNS: Def[] = [
  { key: 'orgNumber', sort: 'orgNumber', render: (r) => or(asCompany(r)?.orgNumber) },
  common.phone,
  common.email,
  {
    key: 'industry',
    render: (r, refs) => {
      const id = asCompany(r)?.industryId;
      return or(id ? refs.lookupById.get(id)?.name : null);
    },
  },
  common.status,
  common.responsible,
  common.tags,
  {
    key: 'city',
    hidden: true,
    render: (r) => {
      const c = asCompany(r);
      return or(c?.visitingAddress.city || c?.billingAddress.city);
    },
  },
  {
    key: 'contactPersons',
    hidden: true,
    exportable: false,
    render: (r, refs) => formatNumber(asCompany(r)?.contactPersons.length ?? 0, refs.locale),
  },
  { ...common.branch, hidden: true },
  { ...common.source, hidden: true },
  common.created,
  { ...common.updated, hidden: true },
];

/**
 * The name as a real link, so a middle-click or Ctrl+click opens the card in a new tab; a
 * plain click is the link's own, not also the row's.
 */
function NameLink(props: { row: ContactRow; kind: ListRefs['kind'] }) {
  const id = props.row.id;
  return (
    <Anchor
      size="sm"
      fw={500}
      lineClamp={1}
      c="inherit"
      onClick={(e: MouseEvent) => e.stopPropagation()}
      data-testid="row-name-link"
      renderRoot={(rootProps) =>
        props.kind === 'person' ? (
          <Link {...rootProps} to="/persons/$personId" params={{ personId: id }} />
        ) : (
          <Link {...rootProps} to="/companies/$companyId" params={{ companyId: id }} />
        )
      }
    >
      {props.row.displayName || dash}
    </Anchor>
  );
}

/** Every column of a kind's list: the name, the built-in ones, then each custom field. */
export function columnsFor(refs: ListRefs, t: TFunction<'contacts'>): Column[] {
  const defs = refs.kind === 'person' ? PERSON_COLUMNS : COMPANY_COLUMNS;
  const name: Column = {
    key: 'name',
    label: t('columns.name'),
    sort: 'name',
    optional: false,
    defaultVisible: true,
    render: (r) => <NameLink row={r} kind={refs.kind} />,
  };
  const builtIn = defs.map(({ hidden, ...d }): Column => ({
    ...d,
    label: t(`columns.${d.key}`),
    optional: true,
    defaultVisible: !hidden,
  }));
  const custom = refs.customFields
    .filter((f) => !f.archived)
    .map((f): Column => ({
      key: `cf:${f.id}`,
      label: f.name,
      sort: `cf:${f.id}`,
      optional: true,
      defaultVisible: false,
      render: (r, rs) => customCell(f, r, rs),
    }));
  return [name, ...builtIn, ...custom];
}
