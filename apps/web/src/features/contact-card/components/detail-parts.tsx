import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type {
  Address,
  Company,
  ContactEmail,
  ContactKind,
  LookupKind,
  Person,
  Phone,
} from '@spotter/contracts';
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TagBadge } from '../../../components/status-badge.tsx';
import { emailBreaks } from '../../../lib/email-breaks.ts';
import { lookupsQuery, useBranchOptions, useCustomFields } from '../../../lib/crm-reference.ts';
import { formatDate } from '../../../lib/format.ts';
import { telHref } from '../../../lib/phone-display.ts';
import { formatPhone } from '../../../lib/phone.ts';
import { CustomFieldValue } from './custom-fields.tsx';
import { usePhoneRegion } from './phone-region.ts';

export { usePhoneRegion };

export function Card(props: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={props.testId}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={4}>{props.title}</Title>
        {props.action}
      </Group>
      {props.children}
    </Paper>
  );
}

/** A card of fields, two columns from a small screen up. */
export function DetailsCard(props: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card title={props.title} testId={props.testId}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        {props.children}
      </SimpleGrid>
    </Card>
  );
}

/** A label over its value; an empty value shows as a dash rather than leaving a hole. */
export function Field(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={props.testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {props.label}
      </Text>
      {props.children ?? <Text c="dimmed">—</Text>}
    </Stack>
  );
}

export const Dash = () => <Text c="dimmed">—</Text>;

export function PhoneList(props: { phones: Phone[] }) {
  const { t } = useTranslation('card');
  const region = usePhoneRegion();
  if (props.phones.length === 0) return <Dash />;
  return (
    <Stack gap={2}>
      {props.phones.map((p, i) => (
        <Group gap="xs" key={`${p.number}-${i}`} wrap="nowrap">
          <Anchor href={telHref(p.number)} data-testid={`phone-value-${i}`}>
            {formatPhone(p.number, region)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`labels.${p.label}`)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function EmailList(props: { emails: ContactEmail[] }) {
  const { t } = useTranslation('card');
  if (props.emails.length === 0) return <Dash />;
  return (
    <Stack gap={2}>
      {props.emails.map((e, i) => (
        <Group gap="xs" key={`${e.email}-${i}`} wrap="nowrap">
          <Anchor
            href={`mailto:${e.email}`}
            title={e.email}
            // Wraps only where emailBreaks allows (before "@" and dots), not mid-word.
            style={{ overflowWrap: 'break-word', minWidth: 0 }}
            data-testid="email-address"
          >
            {emailBreaks(e.email).map((piece, j) => (
              <Fragment key={j}>
                {j > 0 && <wbr />}
                {piece}
              </Fragment>
            ))}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`labels.${e.label}`)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** A contact's phones and emails, each under its label. */
export function PhoneAndEmailFields(props: { contact: Person | Company }) {
  const { t } = useTranslation('card');
  return (
    <>
      <Field label={t('fields.phones')}>
        <PhoneList phones={props.contact.phones} />
      </Field>
      <Field label={t('fields.emails')}>
        <EmailList emails={props.contact.emails} />
      </Field>
    </>
  );
}

/** When the record was created, and by whom. */
export function CreatedField(props: { contact: Person | Company; timeZone: string }) {
  const { t } = useTranslation('card');
  const c = props.contact;
  return (
    <Field label={t('fields.createdAt')}>
      <Text size="sm">
        {formatDate(c.createdAt, props.timeZone)}
        {c.createdBy ? ` · ${c.createdBy.name}` : ''}
      </Text>
    </Field>
  );
}

export function AddressText(props: { address: Address }) {
  const a = props.address;
  const lines = [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.country].filter(
    (l) => l.trim() !== '',
  );
  if (lines.length === 0) return <Dash />;
  return <Text style={{ whiteSpace: 'pre-line' }}>{lines.join('\n')}</Text>;
}

/** Entries of a configurable list by id, archived ones included (a record may still use them). */
export function LookupBadges(props: { lookup: LookupKind; ids: string[] }) {
  const items = useQuery(lookupsQuery(props.lookup, true)).data?.items ?? [];
  const chosen = items.filter((l) => props.ids.includes(l.id));
  if (chosen.length === 0) return <Dash />;
  return (
    <Group gap={6}>
      {chosen.map((l) => (
        <TagBadge key={l.id} name={l.name} color={l.color} />
      ))}
    </Group>
  );
}

export function LookupName(props: { lookup: LookupKind; id: string | null }) {
  const items = useQuery(lookupsQuery(props.lookup, true)).data?.items ?? [];
  const name = items.find((l) => l.id === props.id)?.name;
  return name ? <Text>{name}</Text> : <Dash />;
}

export function BranchName(props: { id: string | null }) {
  const name = useBranchOptions().data?.items.find((b) => b.id === props.id)?.name;
  return name ? <Text>{name}</Text> : <Dash />;
}

/** Tags, categories, source, products and the custom fields ("Tilläggsinformation"). */
export function CrmDetails(props: {
  kind: ContactKind;
  contact: Person | Company;
  currency: string;
}) {
  const { t } = useTranslation('card');
  const c = props.contact;
  const fields = useCustomFields(props.kind).data?.items ?? [];
  return (
    <Stack gap="md">
      <DetailsCard title={t('sections.crm')}>
        <Field label={t('fields.tags')} testId="tags-value">
          <LookupBadges lookup="tags" ids={c.tagIds} />
        </Field>
        <Field label={t('fields.categories')}>
          <LookupBadges lookup="categories" ids={c.categoryIds} />
        </Field>
        <Field label={t('fields.source')}>
          <LookupName lookup="sources" id={c.sourceId} />
        </Field>
        <Field label={t('fields.products')}>
          <LookupBadges lookup="products" ids={c.productIds} />
        </Field>
        <Field label={t('fields.branch')}>
          <BranchName id={c.branchId} />
        </Field>
      </DetailsCard>
      {(fields.length > 0 || c.note) && (
        <Card title={t('sections.more')}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            {fields.map((f) => (
              <Field key={f.id} label={f.name}>
                <CustomFieldValue field={f} value={c.custom[f.id]} currency={props.currency} />
              </Field>
            ))}
          </SimpleGrid>
          {c.note && (
            <Field label={t('fields.note')}>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.note}</Text>
            </Field>
          )}
        </Card>
      )}
    </Stack>
  );
}
