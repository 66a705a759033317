import { Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { RECIPIENT_STATES, recipientNoteOf, type RecipientState } from '@spotter/contracts';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { useRecipients } from '../api/campaigns-api.ts';
import { RecipientStateBadge } from './campaign-badges.tsx';

/** Who a campaign went to, one state at a time if asked, with what the server answered. */
export function CampaignRecipients(props: {
  campaignId: string;
  /** Changes whenever the campaign's totals or state do: the list is read again then. */
  stamp: string;
  timezone: string;
}) {
  const { t, i18n } = useTranslation('mailing');
  const [state, setState] = useState<RecipientState | null>(null);
  const list = useRecipients(props.campaignId, state);
  const { refetch } = list;
  // The campaign page follows the totals live; the list follows them, including the last change.
  const seen = useRef(props.stamp);
  useEffect(() => {
    if (seen.current === props.stamp) return;
    seen.current = props.stamp;
    void refetch();
  }, [props.stamp, refetch]);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const date = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: props.timezone,
  });

  return (
    <Stack gap="sm">
      <Select
        label={t('campaigns.recipientFilter')}
        data={[
          { value: 'all', label: t('campaigns.recipientAll') },
          ...RECIPIENT_STATES.map((s) => ({
            value: s,
            label: t(`campaigns.recipientStates.${s}`),
          })),
        ]}
        value={state ?? 'all'}
        onChange={(v) => setState(v === 'all' || !v ? null : (v as RecipientState))}
        allowDeselect={false}
        maw={260}
        data-testid="recipient-filter"
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="recipients-empty">
          {t('campaigns.recipientsEmpty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" data-testid="recipients-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.recipient')}</Table.Th>
                <Table.Th>{t('campaigns.address')}</Table.Th>
                <Table.Th>{t('campaigns.state')}</Table.Th>
                <Table.Th>{t('campaigns.sentAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.personId} data-testid="recipient-row">
                  <Table.Td>
                    <Anchor
                      renderRoot={(root) => (
                        <Link {...root} to="/persons/$personId" params={{ personId: r.personId }} />
                      )}
                      data-testid="recipient-person"
                    >
                      {r.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.address}</Table.Td>
                  <Table.Td>
                    <RecipientStateBadge state={r.state} />
                    {r.response && r.state !== 'sent' && (
                      <RecipientResponse response={r.response} />
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.sentAt ? date.format(new Date(r.sentAt)) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('campaigns.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/**
 * Why a message is where it is: Spotter's own words in the reader's language, a mail or SMS
 * server's answer as it came.
 */
function RecipientResponse(props: { response: string }) {
  const { t } = useTranslation('mailing');
  const note = recipientNoteOf(props.response);
  return (
    <Text
      size="xs"
      c="dimmed"
      ff={note ? undefined : 'monospace'}
      mt={4}
      data-testid="recipient-response"
    >
      {note ? t(`campaigns.recipientNotes.${note}`) : props.response}
    </Text>
  );
}
