import { Paper, Table, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RowActions, type RowAction } from '../row-actions.tsx';
import { ArchivedBadge } from './archived-badge.tsx';
import { notifySaved, showFailure } from '../../lib/feedback.ts';
import { OrderButtons } from './order-buttons.tsx';
import { reorderPatches, type PositionPatch } from '../../lib/reorder.ts';

/** The entries shown with and without the archived ones, and how many are archived. */
export function useArchivedFilter<T extends { archived: boolean }>(all: T[]) {
  const [showArchived, setShowArchived] = useState(false);
  const archivedCount = all.filter((e) => e.archived).length;
  const items = showArchived ? all : all.filter((e) => !e.archived);
  return { showArchived, setShowArchived, archivedCount, items };
}

interface ArchiveMutation<V> {
  mutate(vars: V, options: { onSuccess: () => void; onError: (err: unknown) => void }): void;
}

type Named = { id: string; name: string };

/**
 * Archives or restores an entry and says so; `onSuccess` runs before the notification. The
 * mutation gets `{ id, archived }`, or what `vars` makes of the entry (its version, its parent).
 */
export function useSetArchived(
  update: ArchiveMutation<{ id: string; archived: boolean }>,
  onSuccess?: () => void,
): (entry: Named, archived: boolean) => void;
export function useSetArchived<E extends Named, V>(
  update: ArchiveMutation<V>,
  onSuccess: (() => void) | undefined,
  vars: (entry: E, archived: boolean) => V,
): (entry: E, archived: boolean) => void;
export function useSetArchived<E extends Named>(
  update: ArchiveMutation<unknown>,
  onSuccess?: () => void,
  vars: (entry: E, archived: boolean) => unknown = (entry, archived) => ({
    id: entry.id,
    archived,
  }),
) {
  const { t } = useTranslation();
  return (entry: E, archived: boolean) =>
    update.mutate(vars(entry, archived), {
      onSuccess: () => {
        onSuccess?.();
        notifySaved(
          t(archived ? 'archived.archivedOne' : 'archived.restoredOne', { name: entry.name }),
        );
      },
      onError: (err) => showFailure(err),
    });
}

/** The "…" menu of an entry: edit, any `extra` action, archive or restore, delete. */
export function EntryRowActions(props: {
  entry: { name: string; archived: boolean };
  extra?: RowAction | false;
  onEdit: () => void;
  onArchive: (archived: boolean) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { entry } = props;
  return (
    <RowActions
      label={t('actions.actionsFor', { name: entry.name })}
      actions={[
        {
          label: t('actions.edit'),
          icon: <IconPencil size={16} />,
          onClick: props.onEdit,
        },
        ...(props.extra === undefined ? [] : [props.extra]),
        entry.archived
          ? {
              label: t('actions.restore'),
              icon: <IconArchiveOff size={16} />,
              onClick: () => props.onArchive(false),
            }
          : {
              label: t('actions.archive'),
              icon: <IconArchive size={16} />,
              onClick: () => props.onArchive(true),
            },
        {
          label: t('actions.delete'),
          icon: <IconTrash size={16} />,
          onClick: props.onDelete,
          danger: true,
        },
      ]}
    />
  );
}

/** The mutation that saves a new order: what the order buttons need of it. */
export interface ReorderMutation {
  isPending: boolean;
  mutate(patches: PositionPatch[], options: { onError: (err: unknown) => void }): void;
}

/** Up/down buttons of the `index`-th shown entry, saving the new order of the full list. */
export function EntryOrderButtons(props: {
  entry: { id: string; name: string };
  index: number;
  items: readonly { id: string }[];
  all: readonly { id: string; position: number }[];
  reorder: ReorderMutation;
}) {
  const { entry, items, reorder } = props;
  return (
    <OrderButtons
      name={entry.name}
      first={props.index === 0}
      last={props.index === items.length - 1}
      disabled={reorder.isPending}
      onMove={(step) =>
        reorder.mutate(
          reorderPatches(
            props.all,
            items.map((x) => x.id),
            entry.id,
            step,
          ),
          { onError: (err) => showFailure(err) },
        )
      }
    />
  );
}

/**
 * The table of a configurable list: order buttons (when it has an order), the page's own
 * `columns` and `cells`, the archived state and the row's actions menu.
 */
export function EntryTable<T extends { id: string; name: string; archived: boolean }>(props: {
  testId: string;
  minWidth: number;
  /** Header cells between the order and state columns. */
  columns: ReactNode;
  items: T[];
  /** Every entry, archived ones too, and the mutation saving a new order; no order without. */
  order?: { all: readonly { id: string; position: number }[]; reorder: ReorderMutation };
  rowTestId: (entry: T) => string;
  /** Body cells matching `columns`. */
  cells: (entry: T) => ReactNode;
  extraAction?: (entry: T) => RowAction | false;
  onEdit: (entry: T) => void;
  onArchive: (entry: T, archived: boolean) => void;
  onDelete: (entry: T) => void;
}) {
  const { t } = useTranslation();
  const { items, extraAction, order } = props;
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={props.minWidth}>
        <Table verticalSpacing="sm" highlightOnHover data-testid={props.testId}>
          <Table.Thead>
            <Table.Tr>
              {order && <Table.Th w={80}>{t('fields.order')}</Table.Th>}
              {props.columns}
              <Table.Th>{t('fields.state')}</Table.Th>
              <Table.Th w={60}>
                <VisuallyHidden>{t('actions.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry, i) => (
              <Table.Tr key={entry.id} data-testid={props.rowTestId(entry)}>
                {order && (
                  <Table.Td>
                    <EntryOrderButtons
                      entry={entry}
                      index={i}
                      items={items}
                      all={order.all}
                      reorder={order.reorder}
                    />
                  </Table.Td>
                )}
                {props.cells(entry)}
                <Table.Td>
                  <ArchivedBadge archived={entry.archived} />
                </Table.Td>
                <Table.Td>
                  <EntryRowActions
                    entry={entry}
                    {...(extraAction ? { extra: extraAction(entry) } : {})}
                    onEdit={() => props.onEdit(entry)}
                    onArchive={(archived) => props.onArchive(entry, archived)}
                    onDelete={() => props.onDelete(entry)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
