import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { Me, MemberRecord } from '@spotter/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { i18n } from '../../../lib/i18n.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useEventSources, useMemberRecords } from '../api/club-events-api.ts';

type Data = Record<string, unknown>;
const str = (d: Data, key: string) => (typeof d[key] === 'string' ? (d[key] as string) : null);
const num = (d: Data, key: string) => (typeof d[key] === 'number' ? (d[key] as number) : null);

/** Money in the reader's language: the record's own currency, else the club's. */
export function formatMoney(amount: number, currency: string | null, fallback: string) {
  try {
    return new Intl.NumberFormat(i18n.language, {
      style: 'currency',
      currency: currency ?? fallback,
    }).format(amount);
  } catch {
    return new Intl.NumberFormat(i18n.language).format(amount);
  }
}

/** A day the source sent (`YYYY-MM-DD`), read as that calendar day wherever the reader is. */
const formatDay = (day: string | null) => (day ? formatDate(`${day}T12:00:00Z`, 'UTC') : null);

const CONTRACT_COLORS: Record<string, string> = {
  active: 'teal',
  pending: 'yellow',
  frozen: 'blue',
  ended: 'gray',
  cancelled: 'red',
};

function RecordGroup(props: { title: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap={6} data-testid={props.testId}>
      <Text fw={600} size="sm">
        {props.title}
      </Text>
      {props.children}
    </Stack>
  );
}

function Contracts(props: { items: MemberRecord[]; currency: string }) {
  const { t } = useTranslation('clubEvents');
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} fz="sm">
        <Table.Tbody>
          {props.items.map((r) => {
            const d = r.data as Data;
            const state = str(d, 'state');
            const price = num(d, 'price');
            const debt = num(d, 'debt');
            const currency = str(d, 'currency');
            const from = formatDay(str(d, 'startsOn'));
            const to = formatDay(str(d, 'endsOn'));
            const termination = formatDay(str(d, 'terminationOn'));
            return (
              <Table.Tr key={r.id} data-testid="club-contract">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {str(d, 'service') ?? r.externalId}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`values.contractKind.${str(d, 'kind') ?? 'other'}`, { defaultValue: '' })}
                    {from &&
                      ` · ${to ? t('records.period', { from, to }) : t('records.since', { from })}`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {state && (
                    <Badge
                      variant="light"
                      color={CONTRACT_COLORS[state] ?? 'gray'}
                      // A narrow table column must not cut the state to "ACT…".
                      style={{ minWidth: 'max-content' }}
                    >
                      {t(`values.contractState.${state}`, { defaultValue: state })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {price !== null && (
                    <Text size="sm">{formatMoney(price, currency, props.currency)}</Text>
                  )}
                  <Text size="xs" c={debt ? 'red' : 'dimmed'}>
                    {debt
                      ? t('records.debt', { amount: formatMoney(debt, currency, props.currency) })
                      : d.paid === true
                        ? t('records.paid')
                        : d.paid === false
                          ? t('records.unpaid')
                          : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {termination && (
                    <Text size="xs" c="red">
                      {t('records.terminationOn', { date: termination })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Payments(props: { items: MemberRecord[]; currency: string; timeZone: string }) {
  const { t } = useTranslation('clubEvents');
  return (
    <Stack gap={4}>
      {props.items.map((r) => {
        const d = r.data as Data;
        const failed = d.state === 'failed';
        const method = (d.method ?? null) as { kind?: string; last4?: string } | null;
        const amount = num(d, 'amount');
        return (
          <Group key={r.id} gap="xs" wrap="wrap" data-testid="club-payment">
            <Text size="sm" fw={500}>
              {amount !== null ? formatMoney(amount, str(d, 'currency'), props.currency) : '—'}
            </Text>
            <Badge variant="light" color={failed ? 'red' : 'teal'}>
              {failed ? t('records.paymentFailed') : t('records.paymentSucceeded')}
            </Badge>
            {method?.kind && (
              <Text size="sm" c="dimmed">
                {t(`values.methodKind.${method.kind}`, { defaultValue: method.kind })}
                {method.last4 && ` •••• ${method.last4}`}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(r.occurredAt, props.timeZone)}
            </Text>
            {failed && str(d, 'reason') && (
              <Text size="xs" c="red" w="100%">
                {str(d, 'reason')}
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

function Bookings(props: { items: MemberRecord[]; timeZone: string }) {
  const { t } = useTranslation('clubEvents');
  return (
    <Stack gap={4}>
      {props.items.map((r) => {
        const d = r.data as Data;
        const cancelled = d.state === 'cancelled';
        return (
          <Group key={r.id} gap="xs" wrap="wrap" data-testid="club-booking">
            <Text size="sm" fw={500} td={cancelled ? 'line-through' : undefined}>
              {str(d, 'className') ?? r.externalId}
            </Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(str(d, 'startsAt') ?? r.occurredAt, props.timeZone)}
            </Text>
            {d.trial === true && (
              <Badge variant="light" color="grape">
                {t('records.trial')}
              </Badge>
            )}
            {cancelled && (
              <Badge variant="light" color="gray">
                {t('records.cancelled')}
              </Badge>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

function Visits(props: { items: MemberRecord[]; timeZone: string }) {
  return (
    <Group gap="xs" wrap="wrap">
      {props.items.map((r) => (
        <Badge key={r.id} variant="outline" color="gray" tt="none" data-testid="club-visit">
          {formatDateTime(str(r.data as Data, 'at') ?? r.occurredAt, props.timeZone)}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * The member's side of the card (C-15): contracts, payments (methods masked), bookings and
 * visits as the club's systems sent them. Shown when the club has a connected system (which only
 * admins can see) or the person has records; otherwise it would only be an empty box.
 */
export function ClubRecords(props: { personId: string; me: Me; compact?: boolean }) {
  const { t } = useTranslation('clubEvents');
  const records = useMemberRecords(props.personId);
  const sources = useEventSources(props.me.permissions.includes('events.manage'));
  const timeZone = props.me.organization.timezone;
  const currency = props.me.organization.currency;
  const hasSources = (sources.data?.items.length ?? 0) > 0;

  const frame = (children: ReactNode) => (
    <Paper withBorder radius="md" p="md" data-testid="club-records">
      <Title order={4} mb="sm">
        {t('records.title')}
      </Title>
      {children}
    </Paper>
  );
  if (records.isPending) return hasSources ? frame(<Skeleton h={80} />) : null;
  if (records.isError) {
    return frame(<QueryError error={records.error} onRetry={() => void records.refetch()} />);
  }
  const { contracts, payments, bookings, visits } = records.data;
  const total = contracts.length + payments.length + bookings.length + visits.length;
  if (total === 0) {
    if (!hasSources) return null;
    return frame(
      <Text size="sm" c="dimmed" data-testid="club-records-empty">
        {t('records.empty')}
      </Text>,
    );
  }
  return frame(
    <Stack gap="md">
      {contracts.length > 0 && (
        <RecordGroup title={t('records.contracts')} testId="club-contracts">
          <Contracts items={contracts} currency={currency} />
        </RecordGroup>
      )}
      {payments.length > 0 && (
        <RecordGroup title={t('records.payments')} testId="club-payments">
          <Payments items={payments} currency={currency} timeZone={timeZone} />
        </RecordGroup>
      )}
      {bookings.length > 0 && (
        <RecordGroup title={t('records.bookings')} testId="club-bookings">
          <Bookings items={bookings} timeZone={timeZone} />
        </RecordGroup>
      )}
      {visits.length > 0 && (
        <RecordGroup title={t('records.visits')} testId="club-visits">
          <Visits items={visits} timeZone={timeZone} />
        </RecordGroup>
      )}
    </Stack>,
  );
}
