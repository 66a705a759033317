import { Badge, Button, Center, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { WebhookAttempt, WebhookEndpoint } from '@spotter/contracts';
import { IconRefresh, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import { formatDateTime } from '../../../lib/format.ts';
import {
  useRedeliverWebhook,
  useSendTestWebhook,
  useWebhookAttempts,
} from '../api/webhooks-api.ts';

const OUTCOME_COLORS = { succeeded: 'teal', failed: 'red', refused: 'orange' } as const;

/** One endpoint's delivery log: each try, newest first, with "redeliver" and "send test". */
export function DeliveryLogModal(props: {
  endpoint: WebhookEndpoint | null;
  timezone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('webhooks');
  const endpoint = props.endpoint;
  // After "Send test" or "Redeliver", the log looks again until a newer try shows.
  const [sentAt, setSentAt] = useState<number | null>(null);
  const log = useWebhookAttempts(endpoint?.id ?? null, sentAt);
  const sendTest = useSendTestWebhook();
  const redeliver = useRedeliverWebhook();
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const watch = () => setSentAt(Date.now());

  return (
    <Modal
      opened={endpoint !== null}
      onClose={props.onClose}
      title={t('log.title')}
      size="xl"
      centered
    >
      {endpoint && (
        <Stack data-testid="delivery-log">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {endpoint.url}
            </Text>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconSend size={14} />}
              loading={sendTest.isPending}
              disabled={!endpoint.enabled}
              style={{ flexShrink: 0 }}
              data-testid="endpoint-send-test"
              onClick={() =>
                sendTest.mutate(endpoint.id, {
                  onSuccess: () => {
                    watch();
                    notifySaved(t('log.testQueued'));
                  },
                  onError: (err) => showFailure(err),
                })
              }
            >
              {t('sendTest')}
            </Button>
          </Group>
          {log.isError && <QueryError error={log.error} onRetry={() => void log.refetch()} />}
          {log.isSuccess && items.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="lg" data-testid="delivery-log-empty">
              {t('log.empty')}
            </Text>
          )}
          {items.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs" data-testid="delivery-log-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('log.time')}</Table.Th>
                    <Table.Th>{t('log.event')}</Table.Th>
                    <Table.Th>{t('log.result')}</Table.Th>
                    <Table.Th>{t('log.duration')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((a) => (
                    <AttemptRow
                      key={a.id}
                      attempt={a}
                      timezone={props.timezone}
                      redelivering={
                        redeliver.isPending && redeliver.variables?.deliveryId === a.deliveryId
                      }
                      onRedeliver={() =>
                        redeliver.mutate(
                          { endpointId: endpoint.id, deliveryId: a.deliveryId },
                          {
                            onSuccess: () => {
                              watch();
                              notifySaved(t('log.redeliverQueued'));
                            },
                            onError: (err) => showFailure(err),
                          },
                        )
                      }
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {log.hasNextPage && (
            <Center>
              <Button
                variant="subtle"
                size="xs"
                loading={log.isFetchingNextPage}
                onClick={() => void log.fetchNextPage()}
              >
                {t('log.more')}
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </Modal>
  );
}

function AttemptRow(props: {
  attempt: WebhookAttempt;
  timezone: string;
  redelivering: boolean;
  onRedeliver: () => void;
}) {
  const { t } = useTranslation('webhooks');
  const a = props.attempt;
  const type = a.eventType === 'webhook.test' ? t('types.test') : t(`types.${a.eventType}`);
  return (
    <Table.Tr data-testid="delivery-row" data-outcome={a.outcome}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDateTime(a.at, props.timezone)}</Text>
        <Text size="xs" c="dimmed">
          {t('log.attempt', { n: a.attempt })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{type}</Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {a.messageId}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Badge
            color={OUTCOME_COLORS[a.outcome]}
            variant="light"
            tt="none"
            style={{ flexShrink: 0, overflow: 'visible' }}
          >
            {t(`outcomes.${a.outcome}`)}
          </Badge>
          {a.status !== null && <Text size="sm">{a.status}</Text>}
        </Group>
        {(a.error || a.responseExcerpt) && (
          <Tooltip label={a.responseExcerpt || a.error} multiline maw={420} withinPortal>
            <Text size="xs" c="dimmed" lineClamp={2} maw={260} style={{ overflowWrap: 'anywhere' }}>
              {a.error ?? a.responseExcerpt}
            </Text>
          </Tooltip>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{t('log.ms', { ms: a.durationMs })}</Text>
      </Table.Td>
      <Table.Td ta="right">
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconRefresh size={14} />}
          loading={props.redelivering}
          onClick={props.onRedeliver}
          data-testid="delivery-redeliver"
        >
          {t('log.redeliver')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
