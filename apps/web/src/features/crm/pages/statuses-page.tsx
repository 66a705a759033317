import { Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ContactKind, Status } from '@spotter/contracts';
import {
  IconArchive,
  IconArchiveOff,
  IconPencil,
  IconPlus,
  IconTags,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RowActions } from '../../../components/row-actions.tsx';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { isApiError } from '../../../lib/api.ts';
import { SettingsSkeleton } from '../../settings/components/settings-skeleton.tsx';
import { useReorder } from '../api/reorder-api.ts';
import {
  useCreateStatus,
  useDeleteStatus,
  useStatusList,
  useUpdateStatus,
} from '../api/statuses-api.ts';
import { ArchivedBadge } from '../components/archived-badge.tsx';
import { ArchivedToggle } from '../components/archived-toggle.tsx';
import { EntityControl } from '../components/entity-control.tsx';
import { inUseCount, notifySaved, showFailure } from '../components/feedback.ts';
import { OrderButtons } from '../components/order-buttons.tsx';
import { reorderPatches } from '../components/reorder.ts';
import { StatusModal, type StatusValues } from '../components/status-modal.tsx';

/** Status types per entity (C-6): name, abbreviation, colours and order. */
export function StatusesPage() {
  const { t } = useTranslation('crm');
  const [entity, setEntity] = useState<ContactKind>('person');
  const [showArchived, setShowArchived] = useState(false);
  const statuses = useStatusList(entity);
  const create = useCreateStatus();
  const update = useUpdateStatus();
  const remove = useDeleteStatus();
  const reorder = useReorder('/api/settings/statuses');
  const [editing, setEditing] = useState<Status | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Status | null>(null);
  const [inUse, setInUse] = useState<{ status: Status; count: number | undefined } | null>(null);

  const all = statuses.data?.items ?? [];
  const archivedCount = all.filter((s) => s.archived).length;
  const items = showArchived ? all : all.filter((s) => !s.archived);

  const setArchived = (status: Status, archived: boolean) =>
    update.mutate(
      { id: status.id, archived },
      {
        onSuccess: () => {
          setInUse(null);
          notifySaved(
            t(archived ? 'archived.archivedOne' : 'archived.restoredOne', { name: status.name }),
          );
        },
        onError: (err) => showFailure(err),
      },
    );

  const submit = (values: StatusValues, setErrors: (e: Record<string, string>) => void) => {
    const done = {
      onSuccess: (s: Status) => {
        setEditing(null);
        notifySaved(t('statuses.saved', { name: s.name }));
      },
      onError: (err: unknown) => showFailure(err, setErrors),
    };
    if (editing === 'new') create.mutate({ ...values, entity }, done);
    else if (editing) update.mutate({ id: editing.id, ...values }, done);
  };

  const confirmDelete = (status: Status) =>
    remove.mutate(status.id, {
      onSuccess: () => {
        setDeleting(null);
        notifySaved(t('statuses.deleted', { name: status.name }));
      },
      onError: (err) => {
        setDeleting(null);
        if (isApiError(err, 'in_use')) setInUse({ status, count: inUseCount(err) });
        else showFailure(err);
      },
    });

  return (
    <>
      <Group justify="space-between" mb="md" gap="sm">
        <Group gap="md">
          <EntityControl value={entity} onChange={setEntity} />
          <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
        </Group>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
          data-testid="status-add"
        >
          {t('statuses.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t(entity === 'person' ? 'statuses.introPerson' : 'statuses.introCompany')}
      </Text>

      {statuses.isPending && <SettingsSkeleton />}
      {statuses.isError && (
        <QueryError error={statuses.error} onRetry={() => void statuses.refetch()} />
      )}
      {statuses.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconTags size={28} />}
          title={t('statuses.emptyTitle')}
          text={t('statuses.emptyText')}
          action={{ label: t('statuses.add'), onClick: () => setEditing('new') }}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="statuses-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('fields.order')}</Table.Th>
                  <Table.Th>{t('fields.preview')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.abbreviation')}</Table.Th>
                  <Table.Th>{t('fields.state')}</Table.Th>
                  <Table.Th w={60}>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s, i) => (
                  <Table.Tr key={s.id} data-testid={`status-row-${s.name}`}>
                    <Table.Td>
                      <OrderButtons
                        name={s.name}
                        first={i === 0}
                        last={i === items.length - 1}
                        disabled={reorder.isPending}
                        onMove={(step) =>
                          reorder.mutate(
                            reorderPatches(
                              all,
                              items.map((x) => x.id),
                              s.id,
                              step,
                            ),
                            { onError: (err) => showFailure(err) },
                          )
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <ColorBadge name={s.name} color={s.color} background={s.background} />
                    </Table.Td>
                    <Table.Td fw={500}>{s.name}</Table.Td>
                    <Table.Td>
                      {s.abbreviation ? (
                        <ColorBadge
                          name={s.name}
                          abbreviation={s.abbreviation}
                          color={s.color}
                          background={s.background}
                        />
                      ) : (
                        <Text c="dimmed">—</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ArchivedBadge archived={s.archived} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        label={t('actions.actionsFor', { name: s.name })}
                        actions={[
                          {
                            label: t('actions.edit'),
                            icon: <IconPencil size={16} />,
                            onClick: () => setEditing(s),
                          },
                          s.archived
                            ? {
                                label: t('actions.restore'),
                                icon: <IconArchiveOff size={16} />,
                                onClick: () => setArchived(s, false),
                              }
                            : {
                                label: t('actions.archive'),
                                icon: <IconArchive size={16} />,
                                onClick: () => setArchived(s, true),
                              },
                          {
                            label: t('actions.delete'),
                            icon: <IconTrash size={16} />,
                            onClick: () => setDeleting(s),
                            danger: true,
                          },
                        ]}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <StatusModal
        opened={editing !== null}
        status={editing === 'new' ? null : editing}
        loading={create.isPending || update.isPending}
        onSubmit={submit}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('statuses.deleteTitle')}
        message={t('statuses.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('actions.delete')}
        danger
        loading={remove.isPending}
        onConfirm={() => deleting && confirmDelete(deleting)}
        onClose={() => setDeleting(null)}
      />
      <ConfirmDialog
        opened={inUse !== null}
        title={t('statuses.inUseTitle')}
        message={
          inUse?.count === undefined
            ? t('statuses.inUseText', { name: inUse?.status.name ?? '' })
            : t('statuses.inUseCount', { name: inUse.status.name, count: inUse.count })
        }
        confirmLabel={t(inUse?.status.archived ? 'common:actions.done' : 'actions.archiveInstead')}
        loading={update.isPending}
        onConfirm={() => {
          if (inUse && !inUse.status.archived) setArchived(inUse.status, true);
          else setInUse(null);
        }}
        onClose={() => setInUse(null)}
      />
    </>
  );
}
