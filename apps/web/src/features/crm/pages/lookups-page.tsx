import { Table } from '@mantine/core';
import type { Lookup, LookupKind } from '@spotter/contracts';
import { IconArrowsExchange, IconList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TagBadge } from '../../../components/status-badge.tsx';
import { isApiError } from '../../../lib/api.ts';
import {
  useCreateLookup,
  useDeleteLookup,
  useLookupList,
  useMoveLookup,
  useUpdateLookup,
} from '../api/lookups-api.ts';
import { useReorder } from '../api/reorder-api.ts';
import { ArchivedToggle } from '../../../components/settings/archived-toggle.tsx';
import { EntryListHeader, EntryListStates } from '../../../components/settings/entry-list.tsx';
import {
  EntryTable,
  useArchivedFilter,
  useSetArchived,
} from '../../../components/settings/entry-table.tsx';
import { DeleteDialog } from '../../../components/settings/delete-dialog.tsx';
import { closeThen, notifySaved, showFailure, type SetErrors } from '../../../lib/feedback.ts';
import { LookupKindNav } from '../components/lookup-kind-nav.tsx';
import {
  hasColor,
  hasScope,
  lookupBody,
  LookupModal,
  type LookupValues,
} from '../components/lookup-modal.tsx';
import { MoveLookupModal } from '../components/move-lookup-modal.tsx';

/** Industries and sources can hand all their contacts over to another entry (seed 001). */
const canMove = (kind: LookupKind) => kind === 'industries' || kind === 'sources';

/**
 * Tags, categories, industries, sources, products, history event types (C-4, C-5, C-8, C-9)
 * and family roles (C-17).
 */
export function LookupsPage({ kind }: { kind: LookupKind }) {
  // A fresh page per list, so an open dialog never carries over to another list.
  return <LookupsList key={kind} kind={kind} />;
}

function LookupsList({ kind }: { kind: LookupKind }) {
  const { t, i18n } = useTranslation('crm');
  const lookups = useLookupList(kind);
  const create = useCreateLookup(kind);
  const update = useUpdateLookup(kind);
  const remove = useDeleteLookup(kind);
  const move = useMoveLookup(kind);
  const reorder = useReorder(`/api/settings/${kind}`);
  const [editing, setEditing] = useState<Lookup | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Lookup | null>(null);
  const [moving, setMoving] = useState<Lookup | null>(null);

  const all = lookups.data?.items ?? [];
  const { showArchived, setShowArchived, archivedCount, items } = useArchivedFilter(all);
  // Event types and family roles are not on contacts, so "used by N contacts" says nothing.
  const showUsage = kind !== 'history-types' && kind !== 'relation-roles';

  const setArchived = useSetArchived(update);

  const submit = (values: LookupValues, setErrors: SetErrors) => {
    const done = {
      onSuccess: (l: Lookup) => {
        setEditing(null);
        notifySaved(t('lists.saved', { name: l.name }));
      },
      onError: (err: unknown) => {
        // Narrowing the scope of a tag or category that the other kind still uses.
        if (isApiError(err, 'in_use')) setErrors({ scope: t('lists.scopeInUse') });
        else showFailure(err, setErrors);
      },
    };
    const body = lookupBody(kind, values);
    if (editing === 'new') create.mutate(body, done);
    else if (editing) update.mutate({ id: editing.id, ...body }, done);
  };

  const confirmDelete = (lookup: Lookup) =>
    remove.mutate(
      lookup.id,
      closeThen(
        () => setDeleting(null),
        () => notifySaved(t('lists.deleted', { name: lookup.name })),
      ),
    );

  const confirmMove = (source: Lookup, targetId: string) =>
    move.mutate(
      { id: source.id, targetId },
      {
        onSuccess: ({ moved }) => {
          setMoving(null);
          const target = all.find((l) => l.id === targetId)?.name ?? '';
          notifySaved(t(`lists.${kind}.moved`, { count: moved, name: source.name, target }));
        },
        onError: (err) => showFailure(err),
      },
    );

  const deleteMessage = (l: Lookup | null) => {
    if (!l) return '';
    if (!showUsage || l.usage === undefined) return t('lists.deleteText', { name: l.name });
    if (l.usage === 0) return t('lists.deleteUnused', { name: l.name });
    return t('lists.deleteUsed', { name: l.name, count: l.usage });
  };

  return (
    <>
      <LookupKindNav kind={kind} />
      <EntryListHeader
        controls={
          <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
        }
        add={{
          label: t(`lists.${kind}.add`),
          testId: 'lookup-add',
          onClick: () => setEditing('new'),
        }}
        intro={t(`lists.${kind}.intro`)}
      />
      <EntryListStates
        query={lookups}
        empty={items.length === 0}
        icon={<IconList size={28} />}
        title={t(`lists.${kind}.emptyTitle`)}
        text={t('lists.emptyText')}
        addLabel={t(`lists.${kind}.add`)}
        onAdd={() => setEditing('new')}
      />
      {items.length > 0 && (
        <EntryTable
          testId="lookups-table"
          minWidth={480}
          columns={
            <>
              <Table.Th>{t('fields.name')}</Table.Th>
              {hasScope(kind) && <Table.Th>{t('fields.scope')}</Table.Th>}
              {showUsage && <Table.Th ta="right">{t('fields.usage')}</Table.Th>}
            </>
          }
          items={items}
          order={{ all, reorder }}
          rowTestId={(l) => `lookup-row-${l.name}`}
          cells={(l) => (
            <>
              <Table.Td fw={500}>
                {hasColor(kind) ? <TagBadge name={l.name} color={l.color} /> : l.name}
              </Table.Td>
              {hasScope(kind) && <Table.Td>{t(`scope.${l.scope}`)}</Table.Td>}
              {showUsage && (
                <Table.Td ta="right" data-testid="lookup-usage">
                  {l.usage === undefined ? '—' : l.usage.toLocaleString(i18n.language)}
                </Table.Td>
              )}
            </>
          )}
          extraAction={(l) =>
            canMove(kind) && {
              label: t(`lists.${kind}.moveAction`),
              icon: <IconArrowsExchange size={16} />,
              onClick: () => setMoving(l),
            }
          }
          onEdit={setEditing}
          onArchive={setArchived}
          onDelete={setDeleting}
        />
      )}

      <LookupModal
        kind={kind}
        opened={editing !== null}
        lookup={editing === 'new' ? null : editing}
        loading={create.isPending || update.isPending}
        onSubmit={submit}
        onClose={() => setEditing(null)}
      />
      <MoveLookupModal
        kind={kind}
        source={moving}
        targets={all}
        loading={move.isPending}
        onSubmit={(targetId) => moving && confirmMove(moving, targetId)}
        onClose={() => setMoving(null)}
      />
      <DeleteDialog
        entry={deleting}
        title={t(`lists.${kind}.deleteTitle`)}
        message={deleteMessage(deleting)}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
