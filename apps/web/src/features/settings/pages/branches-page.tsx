import { Badge, Button, Group, Paper, Switch, Table, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Branch } from '@spotter/contracts';
import {
  IconArchive,
  IconArchiveOff,
  IconBuildingStore,
  IconPencil,
  IconPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { RowActions } from '../../../components/row-actions.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDate } from '../../../lib/format.ts';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useBranches, useCreateBranch, useUpdateBranch } from '../api/branches-api.ts';
import { BranchNameModal } from '../components/branch-name-modal.tsx';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';

/** A name problem goes next to the name field; anything else to a notification. */
function showFailure(err: unknown, setErrors: (errors: Record<string, string>) => void) {
  const fields = serverFieldErrors(err);
  if (Object.keys(fields).length > 0) setErrors(fields);
  else notifications.show({ color: 'red', message: errorMessage(err) });
}

export function BranchesPage() {
  const { t } = useTranslation('settings');
  const [showArchived, setShowArchived] = useState(false);
  // A club has a handful of branches: load them all, so the page knows whether any are archived.
  const branches = useBranches(true);
  const create = useCreateBranch();
  const update = useUpdateBranch();
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Branch | null>(null);
  const [archiving, setArchiving] = useState<Branch | null>(null);

  const setArchived = (branch: Branch, archived: boolean) =>
    update.mutate(
      { id: branch.id, archived },
      {
        onSuccess: () => {
          setArchiving(null);
          notifications.show({
            color: 'teal',
            message: t(archived ? 'branches.archived' : 'branches.unarchived', {
              name: branch.name,
            }),
          });
        },
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
      },
    );

  const all = branches.data?.items ?? [];
  const active = all.filter((b) => !b.archived);
  const items = showArchived ? all : active;
  const archivedCount = all.length - active.length;

  return (
    <>
      <Group justify="space-between" mb="md">
        <Switch
          label={
            archivedCount > 0
              ? `${t('branches.showArchived')} (${archivedCount})`
              : t('branches.showArchived')
          }
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setAdding(true)}
          data-testid="add-branch"
        >
          {t('branches.add')}
        </Button>
      </Group>

      {branches.isPending && <SettingsSkeleton />}
      {branches.isError && (
        <QueryError error={branches.error} onRetry={() => void branches.refetch()} />
      )}
      {branches.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconBuildingStore size={28} />}
          title={t(archivedCount > 0 ? 'branches.allArchivedTitle' : 'branches.emptyTitle')}
          text={
            archivedCount > 0
              ? t('branches.allArchivedText', { count: archivedCount })
              : t('branches.emptyText')
          }
          action={{ label: t('branches.add'), onClick: () => setAdding(true) }}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="branches-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('branches.name')}</Table.Th>
                  <Table.Th>{t('branches.status')}</Table.Th>
                  <Table.Th>{t('branches.created')}</Table.Th>
                  <Table.Th w={60}>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => (
                  <Table.Tr key={b.id} data-testid="branch-row">
                    <Table.Td fw={500}>{b.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={b.archived ? 'gray' : 'teal'}>
                        {t(b.archived ? 'branches.statusArchived' : 'branches.statusActive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(b.createdAt)}</Table.Td>
                    <Table.Td>
                      <RowActions
                        label={t('branches.actionsFor', { name: b.name })}
                        actions={[
                          {
                            label: t('branches.rename'),
                            icon: <IconPencil size={16} />,
                            onClick: () => setRenaming(b),
                          },
                          b.archived
                            ? {
                                label: t('branches.unarchive'),
                                icon: <IconArchiveOff size={16} />,
                                onClick: () => setArchived(b, false),
                              }
                            : {
                                label: t('branches.archive'),
                                icon: <IconArchive size={16} />,
                                onClick: () => setArchiving(b),
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

      <BranchNameModal
        opened={adding}
        title={t('branches.add')}
        loading={create.isPending}
        onClose={() => setAdding(false)}
        onSubmit={(name, setErrors) =>
          create.mutate(
            { name },
            {
              onSuccess: (b) => {
                setAdding(false);
                notifications.show({
                  color: 'teal',
                  message: t('branches.added', { name: b.name }),
                });
              },
              onError: (err) => showFailure(err, setErrors),
            },
          )
        }
      />
      <BranchNameModal
        opened={renaming !== null}
        title={t('branches.rename')}
        initialName={renaming?.name}
        loading={update.isPending}
        onClose={() => setRenaming(null)}
        onSubmit={(name, setErrors) =>
          renaming &&
          update.mutate(
            { id: renaming.id, name },
            {
              onSuccess: () => setRenaming(null),
              onError: (err) => showFailure(err, setErrors),
            },
          )
        }
      />
      <ConfirmDialog
        opened={archiving !== null}
        title={t('branches.archiveTitle')}
        message={t('branches.archiveText', { name: archiving?.name ?? '' })}
        confirmLabel={t('branches.archive')}
        danger
        loading={update.isPending}
        onConfirm={() => archiving && setArchived(archiving, true)}
        onClose={() => setArchiving(null)}
      />
    </>
  );
}
