import { Table } from '@mantine/core';
import type { TaskStatus } from '@spotter/contracts';
import { IconProgressCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { ArchivedToggle } from '../../../components/settings/archived-toggle.tsx';
import { DeleteDialog } from '../../../components/settings/delete-dialog.tsx';
import { EntryListHeader, EntryListStates } from '../../../components/settings/entry-list.tsx';
import {
  EntryTable,
  useArchivedFilter,
  useSetArchived,
} from '../../../components/settings/entry-table.tsx';
import { notifySaved, showFailure, type SetErrors } from '../../../lib/feedback.ts';
import {
  useCreateTaskStatus,
  useDeleteTaskStatus,
  useReorderTaskSettings,
  useTaskStatuses,
  useUpdateTaskStatus,
} from '../api/task-settings-api.ts';
import { deletedOrArchived } from '../components/deleted-feedback.ts';
import { TaskStatusModal, type TaskStatusValues } from '../components/task-status-modal.tsx';

/** Task statuses (T-6): the order is the board's, the first is what a sorted card gets. */
export function TaskStatusesPage() {
  const { t } = useTranslation('taskSettings');
  const statuses = useTaskStatuses();
  const create = useCreateTaskStatus();
  const update = useUpdateTaskStatus();
  const remove = useDeleteTaskStatus();
  const reorder = useReorderTaskSettings('task-statuses');
  const [editing, setEditing] = useState<TaskStatus | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TaskStatus | null>(null);

  const all = statuses.data?.items ?? [];
  const { showArchived, setShowArchived, archivedCount, items } = useArchivedFilter(all);
  const setArchived = useSetArchived(update);

  const submit = (values: TaskStatusValues, setErrors: SetErrors) => {
    const done = {
      onSuccess: (s: TaskStatus) => {
        setEditing(null);
        notifySaved(t('statuses.saved', { name: s.name }));
      },
      onError: (err: unknown) => showFailure(err, setErrors),
    };
    if (editing === 'new') create.mutate(values, done);
    else if (editing) update.mutate({ id: editing.id, ...values }, done);
  };

  const confirmDelete = (status: TaskStatus) =>
    remove.mutate(
      status.id,
      deletedOrArchived(t, 'statuses', status.name, () => setDeleting(null)),
    );

  return (
    <>
      <EntryListHeader
        controls={
          <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
        }
        add={{
          label: t('statuses.add'),
          testId: 'task-status-add',
          onClick: () => setEditing('new'),
        }}
        intro={t('statuses.intro')}
      />
      <EntryListStates
        query={statuses}
        empty={items.length === 0}
        icon={<IconProgressCheck size={28} />}
        title={t('statuses.emptyTitle')}
        text={t('statuses.emptyText')}
        addLabel={t('statuses.add')}
        onAdd={() => setEditing('new')}
      />
      {items.length > 0 && (
        <EntryTable
          testId="task-statuses-table"
          minWidth={480}
          columns={<Table.Th>{t('fields.name')}</Table.Th>}
          items={items}
          order={{ all, reorder }}
          rowTestId={(s) => `task-status-row-${s.name}`}
          cells={(s) => (
            <Table.Td>
              <EntryBadge entry={s} />
            </Table.Td>
          )}
          onEdit={setEditing}
          onArchive={setArchived}
          onDelete={setDeleting}
        />
      )}

      <TaskStatusModal
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
    </>
  );
}
