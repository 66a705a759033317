import { Badge, Group, Table, Text } from '@mantine/core';
import type { Dictionary } from '@spotter/contracts';
import { IconBook2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { VersionConflictDialog } from '../../../components/version-conflict.tsx';
import { isApiError } from '../../../lib/api.ts';
import { ArchivedToggle } from '../../../components/settings/archived-toggle.tsx';
import { DeleteDialog } from '../../../components/settings/delete-dialog.tsx';
import { EntryListHeader, EntryListStates } from '../../../components/settings/entry-list.tsx';
import {
  EntryTable,
  useArchivedFilter,
  useSetArchived,
} from '../../../components/settings/entry-table.tsx';
import { closeThen, notifySaved, showFailure } from '../../../lib/feedback.ts';
import {
  useCreateDictionary,
  useDeleteDictionary,
  useDictionaries,
  useUpdateDictionary,
} from '../api/task-settings-api.ts';
import { dictionaryBody, type DictionaryValues } from '../components/dictionary-form.ts';
import { DictionaryModal } from '../components/dictionary-modal.tsx';
import { useVersionedSave } from '../components/use-versioned-save.ts';

/** How many options the table shows before "+3". */
const SHOWN_OPTIONS = 4;

/** Dictionaries (T-4): the lists a result's choice field picks from, e.g. refusal reasons. */
export function DictionariesPage() {
  const { t } = useTranslation('taskSettings');
  const dictionaries = useDictionaries();
  const create = useCreateDictionary();
  const update = useUpdateDictionary();
  const remove = useDeleteDictionary();
  const [editing, setEditing] = useState<Dictionary | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Dictionary | null>(null);
  const [inUse, setInUse] = useState<Dictionary | null>(null);

  const all = dictionaries.data?.items ?? [];
  const { showArchived, setShowArchived, archivedCount, items } = useArchivedFilter(all);
  const { submit, conflict } = useVersionedSave({
    editing: editing === 'new' ? null : editing,
    refetch: dictionaries.refetch,
    reload: setEditing,
    create: (values: DictionaryValues, callbacks) =>
      create.mutate(dictionaryBody(values), callbacks),
    update: (values, target, callbacks) =>
      update.mutate({ ...target, ...dictionaryBody(values) }, callbacks),
    onSaved: (d) => {
      setEditing(null);
      notifySaved(t('dictionaries.saved', { name: d.name }));
    },
  });

  const setArchived = useSetArchived(
    update,
    () => setInUse(null),
    (d: Dictionary, archived) => ({ id: d.id, archived, version: d.version }),
  );

  const confirmDelete = (d: Dictionary) =>
    remove.mutate(
      d.id,
      closeThen(
        () => setDeleting(null),
        () => notifySaved(t('dictionaries.deleted', { name: d.name })),
        (err) => {
          // A result's choice field still picks from it: offer to archive it instead.
          if (isApiError(err) && err.status === 409) setInUse(d);
          else showFailure(err);
        },
      ),
    );

  return (
    <>
      <EntryListHeader
        controls={
          <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
        }
        add={{
          label: t('dictionaries.add'),
          testId: 'dictionary-add',
          onClick: () => setEditing('new'),
        }}
        intro={t('dictionaries.intro')}
      />
      <EntryListStates
        query={dictionaries}
        empty={items.length === 0}
        icon={<IconBook2 size={28} />}
        title={t('dictionaries.emptyTitle')}
        text={t('dictionaries.emptyText')}
        addLabel={t('dictionaries.add')}
        onAdd={() => setEditing('new')}
      />
      {items.length > 0 && (
        <EntryTable
          testId="dictionaries-table"
          minWidth={520}
          columns={
            <>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('dictionaries.options')}</Table.Th>
            </>
          }
          items={items}
          rowTestId={(d) => `dictionary-row-${d.name}`}
          cells={(d) => (
            <>
              <Table.Td fw={500}>{d.name}</Table.Td>
              <Table.Td>
                <OptionBadges options={d.options.filter((o) => !o.archived)} />
              </Table.Td>
            </>
          )}
          onEdit={setEditing}
          onArchive={setArchived}
          onDelete={setDeleting}
        />
      )}

      <DictionaryModal
        opened={editing !== null}
        dictionary={editing === 'new' ? null : editing}
        loading={create.isPending || update.isPending}
        onSubmit={submit}
        onClose={() => setEditing(null)}
      />
      <DeleteDialog
        entry={deleting}
        title={t('dictionaries.deleteTitle')}
        message={t('dictionaries.deleteText', { name: deleting?.name ?? '' })}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
      <ConfirmDialog
        opened={inUse !== null}
        title={t('dictionaries.inUseTitle')}
        message={t('dictionaries.inUseText', { name: inUse?.name ?? '' })}
        confirmLabel={t(inUse?.archived ? 'common:actions.done' : 'common:actions.archiveInstead')}
        loading={update.isPending}
        onConfirm={() => {
          if (inUse && !inUse.archived) setArchived(inUse, true);
          else setInUse(null);
        }}
        onClose={() => setInUse(null)}
      />
      <VersionConflictDialog state={conflict} ns="taskSettings" />
    </>
  );
}

function OptionBadges({ options }: { options: Dictionary['options'] }) {
  const { t } = useTranslation('taskSettings');
  return (
    <Group gap={4}>
      {options.slice(0, SHOWN_OPTIONS).map((o) => (
        <Badge key={o.id} variant="light" color="gray" tt="none" fw={500}>
          {o.name}
        </Badge>
      ))}
      {options.length > SHOWN_OPTIONS && (
        <Text size="xs" c="dimmed">
          {t('dictionaries.more', { count: options.length - SHOWN_OPTIONS })}
        </Text>
      )}
      {options.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('dictionaries.noOptions')}
        </Text>
      )}
    </Group>
  );
}
