import { Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Lookup, LookupKind } from '@spotter/contracts';
import {
  IconArchive,
  IconArchiveOff,
  IconArrowsExchange,
  IconList,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RowActions } from '../../../components/row-actions.tsx';
import { TagBadge } from '../../../components/status-badge.tsx';
import { isApiError } from '../../../lib/api.ts';
import { SettingsSkeleton } from '../../settings/components/settings-skeleton.tsx';
import {
  useCreateLookup,
  useDeleteLookup,
  useLookupList,
  useMoveLookup,
  useUpdateLookup,
} from '../api/lookups-api.ts';
import { useReorder } from '../api/reorder-api.ts';
import { ArchivedBadge } from '../components/archived-badge.tsx';
import { ArchivedToggle } from '../components/archived-toggle.tsx';
import { notifySaved, showFailure, type SetErrors } from '../components/feedback.ts';
import { LookupKindNav } from '../components/lookup-kind-nav.tsx';
import {
  hasColor,
  hasScope,
  lookupBody,
  LookupModal,
  type LookupValues,
} from '../components/lookup-modal.tsx';
import { MoveLookupModal } from '../components/move-lookup-modal.tsx';
import { OrderButtons } from '../components/order-buttons.tsx';
import { reorderPatches } from '../components/reorder.ts';

/** Industries and sources can hand all their contacts over to another entry (seed 001). */
const canMove = (kind: LookupKind) => kind === 'industries' || kind === 'sources';

/** Tags, categories, industries, sources, products and history event types (C-4, C-5, C-8, C-9). */
export function LookupsPage({ kind }: { kind: LookupKind }) {
  // A fresh page per list, so an open dialog never carries over to another list.
  return <LookupsList key={kind} kind={kind} />;
}

function LookupsList({ kind }: { kind: LookupKind }) {
  const { t, i18n } = useTranslation('crm');
  const [showArchived, setShowArchived] = useState(false);
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
  const archivedCount = all.filter((l) => l.archived).length;
  const items = showArchived ? all : all.filter((l) => !l.archived);
  const showUsage = kind !== 'history-types';

  const setArchived = (lookup: Lookup, archived: boolean) =>
    update.mutate(
      { id: lookup.id, archived },
      {
        onSuccess: () =>
          notifySaved(
            t(archived ? 'archived.archivedOne' : 'archived.restoredOne', { name: lookup.name }),
          ),
        onError: (err) => showFailure(err),
      },
    );

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
    remove.mutate(lookup.id, {
      onSuccess: () => {
        setDeleting(null);
        notifySaved(t('lists.deleted', { name: lookup.name }));
      },
      onError: (err) => {
        setDeleting(null);
        showFailure(err);
      },
    });

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
      <Group justify="space-between" mb="md" gap="sm">
        <ArchivedToggle count={archivedCount} checked={showArchived} onChange={setShowArchived} />
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
          data-testid="lookup-add"
        >
          {t(`lists.${kind}.add`)}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t(`lists.${kind}.intro`)}
      </Text>

      {lookups.isPending && <SettingsSkeleton />}
      {lookups.isError && (
        <QueryError error={lookups.error} onRetry={() => void lookups.refetch()} />
      )}
      {lookups.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconList size={28} />}
          title={t(`lists.${kind}.emptyTitle`)}
          text={t('lists.emptyText')}
          action={{ label: t(`lists.${kind}.add`), onClick: () => setEditing('new') }}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="lookups-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('fields.order')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  {hasScope(kind) && <Table.Th>{t('fields.scope')}</Table.Th>}
                  {showUsage && <Table.Th ta="right">{t('fields.usage')}</Table.Th>}
                  <Table.Th>{t('fields.state')}</Table.Th>
                  <Table.Th w={60}>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((l, i) => (
                  <Table.Tr key={l.id} data-testid={`lookup-row-${l.name}`}>
                    <Table.Td>
                      <OrderButtons
                        name={l.name}
                        first={i === 0}
                        last={i === items.length - 1}
                        disabled={reorder.isPending}
                        onMove={(step) =>
                          reorder.mutate(
                            reorderPatches(
                              all,
                              items.map((x) => x.id),
                              l.id,
                              step,
                            ),
                            { onError: (err) => showFailure(err) },
                          )
                        }
                      />
                    </Table.Td>
                    <Table.Td fw={500}>
                      {hasColor(kind) ? <TagBadge name={l.name} color={l.color} /> : l.name}
                    </Table.Td>
                    {hasScope(kind) && <Table.Td>{t(`scope.${l.scope}`)}</Table.Td>}
                    {showUsage && (
                      <Table.Td ta="right" data-testid="lookup-usage">
                        {l.usage === undefined ? '—' : l.usage.toLocaleString(i18n.language)}
                      </Table.Td>
                    )}
                    <Table.Td>
                      <ArchivedBadge archived={l.archived} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        label={t('actions.actionsFor', { name: l.name })}
                        actions={[
                          {
                            label: t('actions.edit'),
                            icon: <IconPencil size={16} />,
                            onClick: () => setEditing(l),
                          },
                          canMove(kind) && {
                            label: t(`lists.${kind}.moveAction`),
                            icon: <IconArrowsExchange size={16} />,
                            onClick: () => setMoving(l),
                          },
                          l.archived
                            ? {
                                label: t('actions.restore'),
                                icon: <IconArchiveOff size={16} />,
                                onClick: () => setArchived(l, false),
                              }
                            : {
                                label: t('actions.archive'),
                                icon: <IconArchive size={16} />,
                                onClick: () => setArchived(l, true),
                              },
                          {
                            label: t('actions.delete'),
                            icon: <IconTrash size={16} />,
                            onClick: () => setDeleting(l),
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
      <ConfirmDialog
        opened={deleting !== null}
        title={t(`lists.${kind}.deleteTitle`)}
        message={deleteMessage(deleting)}
        confirmLabel={t('actions.delete')}
        danger
        loading={remove.isPending}
        onConfirm={() => deleting && confirmDelete(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
