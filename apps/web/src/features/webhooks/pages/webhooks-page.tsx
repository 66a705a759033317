import { Badge, Button, Group, Paper, Switch, Table, Text } from '@mantine/core';
import type { WebhookEndpoint } from '@spotter/contracts';
import {
  IconKey,
  IconListDetails,
  IconPencil,
  IconPlus,
  IconTrash,
  IconWebhook,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RowActions } from '../../../components/row-actions.tsx';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { closeThen, notifySaved, showFailure } from '../../../lib/feedback.ts';
import { formatDateTime } from '../../../lib/format.ts';
import {
  useDeleteWebhookEndpoint,
  useRotateWebhookSecret,
  useUpdateWebhookEndpoint,
  useWebhookEndpoints,
  type EndpointSecret,
} from '../api/webhooks-api.ts';
import { DeliveryLogModal } from '../components/delivery-log-modal.tsx';
import { EndpointFormModal } from '../components/endpoint-form-modal.tsx';
import { EndpointSecretDialog } from '../components/endpoint-secret-dialog.tsx';

/**
 * Settings → Webhooks: where Spotter tells other systems about new leads, changed
 * contacts and completed tasks, each endpoint with its own signing secret, shown once.
 */
export function WebhooksPage(props: { timezone: string }) {
  const { t } = useTranslation('webhooks');
  const endpoints = useWebhookEndpoints();
  const update = useUpdateWebhookEndpoint();
  const remove = useDeleteWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const [editing, setEditing] = useState<WebhookEndpoint | null | undefined>(undefined);
  const [secret, setSecret] = useState<(EndpointSecret & { rotated: boolean }) | null>(null);
  const [rotating, setRotating] = useState<WebhookEndpoint | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [logOf, setLogOf] = useState<WebhookEndpoint | null>(null);
  const items = endpoints.data?.items ?? [];

  const setEnabled = (endpoint: WebhookEndpoint, enabled: boolean) =>
    update.mutate(
      { id: endpoint.id, enabled, version: endpoint.version },
      {
        onSuccess: () => notifySaved(enabled ? t('switchedOn') : t('switchedOff')),
        onError: (err) => showFailure(err),
      },
    );

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-start" wrap="nowrap" gap="md">
        <Text c="dimmed" size="sm" maw={600}>
          {t('intro')}
        </Text>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing(null)}
          data-testid="add-endpoint"
          style={{ flexShrink: 0 }}
        >
          {t('add')}
        </Button>
      </Group>
      {endpoints.isPending && <SettingsSkeleton />}
      {endpoints.isError && (
        <QueryError error={endpoints.error} onRetry={() => void endpoints.refetch()} />
      )}
      {endpoints.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconWebhook size={28} />}
          title={t('emptyTitle')}
          text={t('emptyText')}
          action={{ label: t('add'), onClick: () => setEditing(null) }}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={660}>
            <Table verticalSpacing="sm" data-testid="endpoints-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('endpoint')}</Table.Th>
                  <Table.Th>{t('events')}</Table.Th>
                  <Table.Th>{t('on')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id} data-testid="endpoint-row">
                    <Table.Td maw={320}>
                      <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {e.url}
                      </Text>
                      {e.description && (
                        <Text size="xs" c="dimmed">
                          {e.description}
                        </Text>
                      )}
                      {e.disabledReason === 'failing' && (
                        <Text size="xs" c="red.8" data-testid="endpoint-disabled-failing">
                          {t('disabledFailing')}
                        </Text>
                      )}
                      {e.enabled && e.failingSince && (
                        <Text size="xs" c="orange.8">
                          {t('failingSince', {
                            date: formatDateTime(e.failingSince, props.timezone),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {e.eventTypes.map((type) => (
                          <Badge key={type} variant="light" color="gray" size="sm" tt="none">
                            {t(`types.${type}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        checked={e.enabled}
                        onChange={(ev) => setEnabled(e, ev.currentTarget.checked)}
                        disabled={update.isPending && update.variables?.id === e.id}
                        aria-label={`${t('on')}: ${e.url}`}
                        data-testid="endpoint-enabled"
                      />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          variant="light"
                          size="xs"
                          leftSection={<IconListDetails size={14} />}
                          onClick={() => setLogOf(e)}
                          data-testid="endpoint-log"
                        >
                          {t('log.open')}
                        </Button>
                        <RowActions
                          label={`${t('actions')}: ${e.url}`}
                          actions={[
                            {
                              label: t('edit'),
                              icon: <IconPencil size={16} />,
                              onClick: () => setEditing(e),
                            },
                            {
                              label: t('rotate'),
                              icon: <IconKey size={16} />,
                              onClick: () => setRotating(e),
                            },
                            {
                              label: t('delete'),
                              icon: <IconTrash size={16} />,
                              danger: true,
                              onClick: () => setDeleting(e),
                            },
                          ]}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <EndpointFormModal
        opened={editing !== undefined}
        endpoint={editing ?? null}
        onClose={() => setEditing(undefined)}
        onCreated={(answer) => setSecret({ ...answer, rotated: false })}
      />
      <EndpointSecretDialog shown={secret} onClose={() => setSecret(null)} />
      <DeliveryLogModal endpoint={logOf} timezone={props.timezone} onClose={() => setLogOf(null)} />
      <ConfirmDialog
        opened={rotating !== null}
        title={t('rotateTitle')}
        message={t('rotateText')}
        confirmLabel={t('rotate')}
        loading={rotate.isPending}
        onConfirm={() =>
          rotating &&
          rotate.mutate(
            rotating.id,
            closeThen(
              () => setRotating(null),
              (answer: EndpointSecret) => setSecret({ ...answer, rotated: true }),
            ),
          )
        }
        onClose={() => setRotating(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('deleteTitle')}
        message={t('deleteText', { url: deleting?.url ?? '' })}
        confirmLabel={t('delete')}
        danger
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            deleting.id,
            closeThen(
              () => setDeleting(null),
              () => notifySaved(t('deleted')),
            ),
          )
        }
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
