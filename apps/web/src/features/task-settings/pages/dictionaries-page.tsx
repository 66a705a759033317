import { Badge, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Dictionary } from '@spotter/contracts';
import { IconBook2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useVersionConflict, VersionConflictModal } from '../../../components/version-conflict.tsx';
import { isApiError } from '../../../lib/api.ts';
import { ArchivedBadge } from '../../crm/components/archived-badge.tsx';
import { ArchivedToggle } from '../../crm/components/archived-toggle.tsx';
import { DeleteDialog } from '../../crm/components/delete-dialog.tsx';
import { EntryListHeader, EntryListStates } from '../../crm/components/entry-list.tsx';
import { EntryRowActions, useArchivedFilter } from '../../crm/components/entry-table.tsx';
import { notifySaved, showFailure, type SetErrors } from '../../crm/components/feedback.ts';
import {
  useCreateDictionary,
  useDeleteDictionary,
  useDictionaries,
  useUpdateDictionary,
} from '../api/task-settings-api.ts';
import { dictionaryBody, type DictionaryValues } from '../components/dictionary-form.ts';
import { DictionaryModal } from '../components/dictionary-modal.tsx';

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
  const editingId = editing && editing !== 'new' ? editing.id : null;

  const save = (values: DictionaryValues, version: number | undefined, setErrors?: SetErrors) => {
    const done = {
      onSuccess: (d: Dictionary) => {
        setEditing(null);
        notifySaved(t('dictionaries.saved', { name: d.name }));
      },
      onError: (err: unknown) => {
        if (isApiError(err, 'version_conflict')) conflict.onConflict(values);
        else showFailure(err, setErrors);
      },
    };
    if (editingId) update.mutate({ id: editingId, ...dictionaryBody(values), version }, done);
    else create.mutate(dictionaryBody(values), done);
  };

  const conflict = useVersionConflict({
    refetch: async () => {
      const latest = await dictionaries.refetch();
      return { data: latest.data?.items.find((d) => d.id === editingId) };
    },
    reset: (latest: Dictionary) => setEditing(latest),
    save: (values: DictionaryValues, version) => save(values, version),
  });

  const setArchived = (d: Dictionary, archived: boolean) =>
    update.mutate(
      { id: d.id, archived, version: d.version },
      {
        onSuccess: () => {
          setInUse(null);
          notifySaved(
            t(archived ? 'crm:archived.archivedOne' : 'crm:archived.restoredOne', { name: d.name }),
          );
        },
        onError: (err) => showFailure(err),
      },
    );

  const confirmDelete = (d: Dictionary) =>
    remove.mutate(d.id, {
      onSuccess: () => {
        setDeleting(null);
        notifySaved(t('dictionaries.deleted', { name: d.name }));
      },
      onError: (err) => {
        setDeleting(null);
        // A result's choice field still picks from it: offer to archive it instead.
        if (isApiError(err) && err.status === 409) setInUse(d);
        else showFailure(err);
      },
    });

  return (
    <>
      <EntryListHeader
        controls={
          <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
        }
        addLabel={t('dictionaries.add')}
        addTestId="dictionary-add"
        onAdd={() => setEditing('new')}
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
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="dictionaries-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('dictionaries.options')}</Table.Th>
                  <Table.Th>{t('fields.state')}</Table.Th>
                  <Table.Th w={60}>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => {
                  const active = d.options.filter((o) => !o.archived);
                  return (
                    <Table.Tr key={d.id} data-testid={`dictionary-row-${d.name}`}>
                      <Table.Td fw={500}>{d.name}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {active.slice(0, SHOWN_OPTIONS).map((o) => (
                            <Badge key={o.id} variant="light" color="gray" tt="none" fw={500}>
                              {o.name}
                            </Badge>
                          ))}
                          {active.length > SHOWN_OPTIONS && (
                            <Text size="xs" c="dimmed">
                              {t('dictionaries.more', { count: active.length - SHOWN_OPTIONS })}
                            </Text>
                          )}
                          {active.length === 0 && (
                            <Text size="xs" c="dimmed">
                              {t('dictionaries.noOptions')}
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <ArchivedBadge archived={d.archived} />
                      </Table.Td>
                      <Table.Td>
                        <EntryRowActions
                          entry={d}
                          onEdit={() => setEditing(d)}
                          onArchive={(archived) => setArchived(d, archived)}
                          onDelete={() => setDeleting(d)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <DictionaryModal
        opened={editing !== null}
        dictionary={editing === 'new' ? null : editing}
        loading={create.isPending || update.isPending}
        onSubmit={(values, setErrors) =>
          save(values, editing && editing !== 'new' ? editing.version : undefined, setErrors)
        }
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
        confirmLabel={t(inUse?.archived ? 'common:actions.done' : 'crm:actions.archiveInstead')}
        loading={update.isPending}
        onConfirm={() => {
          if (inUse && !inUse.archived) setArchived(inUse, true);
          else setInUse(null);
        }}
        onClose={() => setInUse(null)}
      />
      <VersionConflictModal
        opened={conflict.conflict !== null}
        onClose={conflict.dismiss}
        onReload={() => void conflict.reload()}
        onOverwrite={() => void conflict.overwrite()}
        labels={{
          title: t('conflict.title'),
          text: t('conflict.text'),
          reload: t('conflict.reload'),
          overwrite: t('conflict.overwrite'),
        }}
      />
    </>
  );
}
