import { Table, Text } from '@mantine/core';
import type { ContactKind, Status } from '@spotter/contracts';
import { IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useReorder } from '../api/reorder-api.ts';
import {
  useCreateStatus,
  useDeleteStatus,
  useStatusList,
  useUpdateStatus,
} from '../api/statuses-api.ts';
import { EntryListHeader, EntryListStates } from '../../../components/settings/entry-list.tsx';
import { EntityArchivedControls } from '../components/entity-control.tsx';
import {
  EntryTable,
  useArchivedFilter,
  useSetArchived,
} from '../../../components/settings/entry-table.tsx';
import { DeleteDialog } from '../../../components/settings/delete-dialog.tsx';
import { closeThen, inUseCount, notifySaved, showFailure } from '../../../lib/feedback.ts';
import { StatusModal, type StatusValues } from '../components/status-modal.tsx';

/** Status types per entity (C-6): name, abbreviation, colours and order. */
export function StatusesPage() {
  const { t } = useTranslation('crm');
  const [entity, setEntity] = useState<ContactKind>('person');
  const statuses = useStatusList(entity);
  const create = useCreateStatus();
  const update = useUpdateStatus();
  const remove = useDeleteStatus();
  const reorder = useReorder('/api/settings/statuses');
  const [editing, setEditing] = useState<Status | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Status | null>(null);
  const [inUse, setInUse] = useState<{ status: Status; count: number | undefined } | null>(null);

  const all = statuses.data?.items ?? [];
  const { showArchived, setShowArchived, archivedCount, items } = useArchivedFilter(all);

  const setArchived = useSetArchived(update, () => setInUse(null));

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
    remove.mutate(
      status.id,
      closeThen(
        () => setDeleting(null),
        () => notifySaved(t('statuses.deleted', { name: status.name })),
        (err) => {
          if (isApiError(err, 'in_use')) setInUse({ status, count: inUseCount(err) });
          else showFailure(err);
        },
      ),
    );

  return (
    <>
      <EntryListHeader
        controls={
          <EntityArchivedControls
            entity={entity}
            onEntityChange={setEntity}
            archivedCount={archivedCount}
            showArchived={showArchived}
            onShowArchivedChange={setShowArchived}
          />
        }
        add={{ label: t('statuses.add'), testId: 'status-add', onClick: () => setEditing('new') }}
        intro={t(entity === 'person' ? 'statuses.introPerson' : 'statuses.introCompany')}
      />
      <EntryListStates
        query={statuses}
        empty={items.length === 0}
        icon={<IconTags size={28} />}
        title={t('statuses.emptyTitle')}
        text={t('statuses.emptyText')}
        addLabel={t('statuses.add')}
        onAdd={() => setEditing('new')}
      />
      {items.length > 0 && (
        <EntryTable
          testId="statuses-table"
          minWidth={560}
          columns={
            <>
              <Table.Th>{t('fields.preview')}</Table.Th>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.abbreviation')}</Table.Th>
            </>
          }
          items={items}
          order={{ all, reorder }}
          rowTestId={(s) => `status-row-${s.name}`}
          cells={(s) => (
            <>
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
            </>
          )}
          onEdit={setEditing}
          onArchive={setArchived}
          onDelete={setDeleting}
        />
      )}

      <StatusModal
        opened={editing !== null}
        status={editing === 'new' ? null : editing}
        loading={create.isPending || update.isPending}
        onSubmit={submit}
        onClose={() => setEditing(null)}
      />
      <DeleteDialog
        entry={deleting}
        title={t('statuses.deleteTitle')}
        message={t('statuses.deleteText', { name: deleting?.name ?? '' })}
        loading={remove.isPending}
        onConfirm={confirmDelete}
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
        confirmLabel={t(
          inUse?.status.archived ? 'common:actions.done' : 'common:actions.archiveInstead',
        )}
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
