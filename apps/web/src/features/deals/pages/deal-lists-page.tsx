import { Group, SegmentedControl, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { dealListItemCreateSchema, type DealListItem, type DealListKind } from '@spotter/contracts';
import { IconListNumbers } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NamedFormModal, useDialogForm } from '../../../components/form-modal.tsx';
import { ArchivedToggle } from '../../../components/settings/archived-toggle.tsx';
import { DeleteDialog } from '../../../components/settings/delete-dialog.tsx';
import { EntryListHeader, EntryListStates } from '../../../components/settings/entry-list.tsx';
import {
  EntryTable,
  useArchivedFilter,
  useSetArchived,
} from '../../../components/settings/entry-table.tsx';
import { closeThen, notifySaved, showFailure, type SetErrors } from '../../../lib/feedback.ts';
import { useDealList } from '../api/deals-api.ts';
import {
  useCreateDealListItem,
  useDeleteDealListItem,
  useReorderDealList,
  useUpdateDealListItem,
} from '../api/pipeline-settings-api.ts';

const schema = dealListItemCreateSchema.pick({ name: true });
const KINDS: readonly DealListKind[] = ['lost-reasons', 'types'];

function ItemModal(props: {
  kind: DealListKind;
  opened: boolean;
  item: DealListItem | null;
  loading: boolean;
  onSubmit: (values: { name: string }, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('deals');
  const form = useDialogForm({
    opened: props.opened,
    source: props.item,
    values: (i: DealListItem | null) => ({ name: i?.name ?? '' }),
    schema,
  });
  return (
    <NamedFormModal
      form={form}
      opened={props.opened}
      title={t(`lists.${props.kind}.${props.item ? 'edit' : 'add'}`)}
      loading={props.loading}
      nameLabel={t('lists.name')}
      testIdPrefix="deal-list-item"
      onSubmit={props.onSubmit}
      onClose={props.onClose}
    />
  );
}

/**
 * Lost reasons and opportunity types (S-2, seed 001's "Avvisning" and "Typ"): ordered lists; an
 * entry deals use is archived, not deleted, so old deals keep it.
 */
export function DealListsPage(props: { kind: DealListKind }) {
  const { t } = useTranslation('deals');
  const navigate = useNavigate();
  const { kind } = props;
  const list = useDealList(kind, true);
  const create = useCreateDealListItem(kind);
  const update = useUpdateDealListItem(kind);
  const remove = useDeleteDealListItem(kind);
  const reorder = useReorderDealList(kind);
  const [editing, setEditing] = useState<DealListItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DealListItem | null>(null);
  const all = [...(list.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const { showArchived, setShowArchived, archivedCount, items } = useArchivedFilter(all);
  const setArchived = useSetArchived(update);

  const submit = (values: { name: string }, setErrors: SetErrors) => {
    const done = {
      onSuccess: (item: DealListItem) => {
        setEditing(null);
        notifySaved(t('lists.saved', { name: item.name }));
      },
      onError: (err: unknown) => showFailure(err, setErrors),
    };
    if (editing === 'new') create.mutate(values, done);
    else if (editing) update.mutate({ id: editing.id, ...values }, done);
  };

  return (
    <>
      <Group mb="md">
        <SegmentedControl
          value={kind}
          onChange={(v) =>
            void navigate({ to: '/settings/deal-lists/$kind', params: { kind: v as DealListKind } })
          }
          data={KINDS.map((k) => ({ value: k, label: t(`lists.${k}.title`) }))}
          data-testid="deal-list-kind"
        />
      </Group>
      <EntryListHeader
        controls={
          <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
        }
        add={{
          label: t(`lists.${kind}.add`),
          testId: 'deal-list-add',
          onClick: () => setEditing('new'),
        }}
        intro={t(`lists.${kind}.intro`)}
      />
      <EntryListStates
        query={list}
        empty={items.length === 0}
        icon={<IconListNumbers size={28} />}
        title={t(`lists.${kind}.emptyTitle`)}
        text={t(`lists.${kind}.emptyText`)}
        addLabel={t(`lists.${kind}.add`)}
        onAdd={() => setEditing('new')}
      />
      {items.length > 0 && (
        <EntryTable
          testId="deal-list-table"
          minWidth={420}
          columns={<Table.Th>{t('lists.name')}</Table.Th>}
          items={items}
          order={{ all, reorder }}
          rowTestId={(i) => `deal-list-row-${i.name}`}
          cells={(i) => (
            <Table.Td>
              <Text size="sm">{i.name}</Text>
            </Table.Td>
          )}
          onEdit={setEditing}
          onArchive={setArchived}
          onDelete={setDeleting}
        />
      )}
      <ItemModal
        kind={kind}
        opened={editing !== null}
        item={editing === 'new' ? null : editing}
        loading={create.isPending || update.isPending}
        onSubmit={submit}
        onClose={() => setEditing(null)}
      />
      <DeleteDialog
        entry={deleting}
        title={t('lists.deleteTitle')}
        message={t('lists.deleteText', { name: deleting?.name ?? '' })}
        loading={remove.isPending}
        onConfirm={(item) =>
          remove.mutate(
            item.id,
            closeThen(
              () => setDeleting(null),
              (result: { archived: boolean } | undefined) =>
                result?.archived
                  ? notifications.show({
                      color: 'yellow',
                      title: t('settings.archivedInsteadTitle', { name: item.name }),
                      message: t('settings.archivedInsteadText'),
                      autoClose: 8000,
                    })
                  : notifySaved(t('settings.deleted', { name: item.name })),
            ),
          )
        }
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
