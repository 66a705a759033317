import { Anchor, Badge, Button, Group, Paper, Switch, Table, Text } from '@mantine/core';
import type { EventSource } from '@spotter/contracts';
import {
  IconFlask,
  IconKey,
  IconListDetails,
  IconPencil,
  IconPlugConnected,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
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
  useDeleteEventSource,
  useEventSources,
  useUpdateEventSource,
  type SourceSecret,
} from '../api/club-events-api.ts';
import { AutoLinkSwitch } from '../components/auto-link-switch.tsx';
import { RotateModal } from '../components/rotate-modal.tsx';
import { RulesSection } from '../components/rules-section.tsx';
import { SecretDialog } from '../components/secret-dialog.tsx';
import { SourceFormModal } from '../components/source-form-modal.tsx';
import { TestEventModal } from '../components/test-event-modal.tsx';

/**
 * Settings → Connected systems (issue 12): the club's booking, membership, payment and
 * telephony systems that send events, each with its own signing secret, shown once.
 */
export function ConnectedSystemsPage(props: { timezone: string; currency: string }) {
  const { t } = useTranslation('clubEvents');
  const sources = useEventSources();
  const update = useUpdateEventSource();
  const remove = useDeleteEventSource();
  const [editing, setEditing] = useState<EventSource | null | undefined>(undefined);
  const [secret, setSecret] = useState<(SourceSecret & { rotated: boolean }) | null>(null);
  const [rotating, setRotating] = useState<EventSource | null>(null);
  const [deleting, setDeleting] = useState<EventSource | null>(null);
  const [testing, setTesting] = useState<EventSource | null>(null);
  const items = sources.data?.items ?? [];

  const setEnabled = (source: EventSource, enabled: boolean) =>
    update.mutate(
      { id: source.id, enabled, version: source.version },
      {
        onSuccess: () => notifySaved(enabled ? t('sources.switchedOn') : t('sources.switchedOff')),
        onError: (err) => showFailure(err),
      },
    );

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-start" wrap="nowrap" gap="md">
        <Text c="dimmed" size="sm" maw={600}>
          {t('sources.intro')}
        </Text>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button
            variant="default"
            leftSection={<IconListDetails size={16} />}
            renderRoot={(p) => <Link {...p} to="/settings/event-log" />}
            data-testid="open-event-log"
          >
            {t('sources.log')}
          </Button>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing(null)}
            data-testid="add-source"
          >
            {t('sources.add')}
          </Button>
        </Group>
      </Group>
      {sources.isPending && <SettingsSkeleton />}
      {sources.isError && (
        <QueryError error={sources.error} onRetry={() => void sources.refetch()} />
      )}
      {sources.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconPlugConnected size={28} />}
          title={t('sources.emptyTitle')}
          text={t('sources.emptyText')}
          action={{ label: t('sources.add'), onClick: () => setEditing(null) }}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={660}>
            <Table verticalSpacing="sm" data-testid="sources-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sources.name')}</Table.Th>
                  <Table.Th>{t('sources.on')}</Table.Th>
                  <Table.Th>{t('sources.lastEvent')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id} data-testid="source-row">
                    <Table.Td>
                      <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {s.name}
                      </Text>
                      <Group gap={6} mt={2}>
                        <Badge variant="light" color="gray" size="sm" tt="none">
                          {t(`kinds.${s.kind}`)}
                        </Badge>
                        {s.previousSecretValidUntil && (
                          <Text size="xs" c="orange.8" data-testid="source-overlap">
                            {t('sources.overlapUntil', {
                              date: formatDateTime(s.previousSecretValidUntil, props.timezone),
                            })}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        checked={s.enabled}
                        onChange={(e) => setEnabled(s, e.currentTarget.checked)}
                        disabled={update.isPending && update.variables?.id === s.id}
                        aria-label={`${t('sources.on')}: ${s.name}`}
                        data-testid="source-enabled"
                      />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {s.lastEventAt ? (
                        <Anchor
                          size="sm"
                          renderRoot={(p) => (
                            <Link {...p} to="/settings/event-log" search={{ sourceId: s.id }} />
                          )}
                        >
                          {formatDateTime(s.lastEventAt, props.timezone)}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('sources.noEvents')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          variant="light"
                          size="xs"
                          leftSection={<IconFlask size={14} />}
                          onClick={() => setTesting(s)}
                          disabled={!s.enabled}
                          data-testid="source-test"
                        >
                          {t('sources.test')}
                        </Button>
                        <RowActions
                          label={`${t('sources.actions')}: ${s.name}`}
                          actions={[
                            // A Twilio number signs with its own auth token (edited in the form).
                            ...(s.kind === 'twilio'
                              ? []
                              : [
                                  {
                                    label: t('sources.rotate'),
                                    icon: <IconKey size={16} />,
                                    onClick: () => setRotating(s),
                                  },
                                ]),
                            {
                              label: t('sources.rename'),
                              icon: <IconPencil size={16} />,
                              onClick: () => setEditing(s),
                            },
                            {
                              label: t('sources.delete'),
                              icon: <IconTrash size={16} />,
                              danger: true,
                              onClick: () => setDeleting(s),
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
      {sources.isSuccess && <AutoLinkSwitch />}
      {sources.isSuccess && <RulesSection />}
      <SourceFormModal
        opened={editing !== undefined}
        source={editing ?? null}
        onClose={() => setEditing(undefined)}
        onCreated={(answer) => setSecret({ ...answer, rotated: false })}
      />
      <RotateModal
        source={rotating}
        onClose={() => setRotating(null)}
        onRotated={(answer) => setSecret({ ...answer, rotated: true })}
      />
      <SecretDialog shown={secret} onClose={() => setSecret(null)} />
      <TestEventModal source={testing} currency={props.currency} onClose={() => setTesting(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('sources.deleteTitle')}
        message={t('sources.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('sources.delete')}
        danger
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            deleting.id,
            closeThen(
              () => setDeleting(null),
              () => notifySaved(t('sources.deleted')),
            ),
          )
        }
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
