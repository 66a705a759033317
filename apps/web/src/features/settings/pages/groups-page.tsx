import {
  Badge,
  Box,
  Button,
  Group as Row,
  Paper,
  Switch,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Group, GroupTreeItem } from '@spotter/contracts';
import {
  IconArchive,
  IconArchiveOff,
  IconHierarchy2,
  IconPencil,
  IconPlus,
  IconSubtask,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RowActions } from '../../../components/row-actions.tsx';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useGroups, useStaff } from '../../../lib/crm-reference.ts';
import { closeThen, showFailure } from '../../../lib/feedback.ts';
import { serverFieldErrors } from '../../../lib/validation.ts';
import { useCreateGroup, useDeleteGroup, useUpdateGroup } from '../api/groups-api.ts';
import { bodyOf, formErrorsOf, type GroupValues } from '../components/group-form.ts';
import { GroupModal } from '../components/group-modal.tsx';

type Editing = { group: Group | null; parentId?: string };

/** The group tree (U-4): regions, teams and their people; a group in use is archived, not lost. */
export function GroupsPage() {
  const { t } = useTranslation('settings');
  const [showArchived, setShowArchived] = useState(false);
  // Tens of groups, not thousands: the whole tree, archived ones included, in one answer.
  const groups = useGroups(true);
  const staff = useStaff();
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const remove = useDeleteGroup();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [archiving, setArchiving] = useState<Group | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);

  const all = groups.data?.items ?? [];
  const live = all.filter((g) => !g.archived);
  const items = showArchived ? all : live;
  const archivedCount = all.length - live.length;
  const names = new Map((staff.data?.items ?? []).map((s) => [s.id, s.name]));

  const done = (message: string) => notifications.show({ color: 'teal', message });

  const save = (values: GroupValues, setErrors: (e: Record<string, string>) => void) => {
    const body = bodyOf(values);
    const onError = (err: unknown) => {
      if (isApiError(err, 'group_cycle')) setErrors({ parentId: t('groups.cycle') });
      else if (isApiError(err, 'version_conflict')) {
        notifications.show({ color: 'orange', message: t('groups.conflict') });
        setEditing(null);
      } else if (Object.keys(serverFieldErrors(err)).length > 0) {
        setErrors(formErrorsOf(serverFieldErrors(err)));
      } else showFailure(err);
    };
    const group = editing?.group;
    if (!group) {
      create.mutate(body, {
        onSuccess: (g) => {
          setEditing(null);
          done(t('groups.added', { name: g.name }));
        },
        onError,
      });
      return;
    }
    update.mutate(
      { id: group.id, version: group.version, ...body },
      {
        onSuccess: (g) => {
          setEditing(null);
          done(t('groups.saved', { name: g.name }));
        },
        onError,
      },
    );
  };

  const setArchived = (group: Group, archived: boolean) =>
    update.mutate(
      { id: group.id, version: group.version, archived },
      closeThen(
        () => setArchiving(null),
        () => done(t(archived ? 'groups.archived' : 'groups.unarchived', { name: group.name })),
      ),
    );

  const del = (group: Group) =>
    remove.mutate(
      group.id,
      closeThen(
        () => setDeleting(null),
        (res) =>
          done(
            t(res.outcome === 'deleted' ? 'groups.deleted' : 'groups.archivedInUse', {
              name: group.name,
            }),
          ),
      ),
    );

  const membersText = (g: GroupTreeItem) => {
    if (g.members.length === 0) return t('groups.noMembers');
    const managers = g.members.filter((m) => m.role === 'manager');
    const shown = managers.map((m) => names.get(m.userId)).filter(Boolean);
    const count = t('groups.memberCount', { count: g.members.length });
    return shown.length > 0
      ? `${count} · ${t('groups.managedBy', { names: shown.join(', ') })}`
      : count;
  };

  return (
    <>
      <Row justify="space-between" mb="md">
        <Switch
          label={
            archivedCount > 0
              ? `${t('groups.showArchived')} (${archivedCount})`
              : t('groups.showArchived')
          }
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ group: null })}
          data-testid="add-group"
        >
          {t('groups.add')}
        </Button>
      </Row>

      {groups.isPending && <SettingsSkeleton />}
      {groups.isError && <QueryError error={groups.error} onRetry={() => void groups.refetch()} />}
      {groups.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconHierarchy2 size={28} />}
          title={t(archivedCount > 0 ? 'groups.allArchivedTitle' : 'groups.emptyTitle')}
          text={
            archivedCount > 0
              ? t('groups.allArchivedText', { count: archivedCount })
              : t('groups.emptyText')
          }
          action={{ label: t('groups.add'), onClick: () => setEditing({ group: null }) }}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="groups-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('groups.name')}</Table.Th>
                  <Table.Th>{t('groups.type')}</Table.Th>
                  <Table.Th>{t('groups.members')}</Table.Th>
                  <Table.Th w={60}>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((g) => (
                  <Table.Tr key={g.id} data-testid="group-row" data-depth={g.depth}>
                    <Table.Td>
                      {/* Indented by depth: the tree reads top-down, sub-groups under their group. */}
                      <Box pl={g.depth * 24}>
                        <Row gap={6} wrap="nowrap">
                          {g.depth > 0 && (
                            <Text c="dimmed" aria-hidden>
                              └
                            </Text>
                          )}
                          <div>
                            <Text fw={500} size="sm" c={g.archived ? 'dimmed' : undefined}>
                              {g.name}
                            </Text>
                            {g.description && (
                              <Text size="xs" c="dimmed" lineClamp={1}>
                                {g.description}
                              </Text>
                            )}
                          </div>
                          {g.archived && (
                            <Badge variant="light" color="gray" size="sm">
                              {t('groups.statusArchived')}
                            </Badge>
                          )}
                        </Row>
                      </Box>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={g.type === 'sales' ? 'grape' : 'blue'}>
                        {t(g.type === 'sales' ? 'groups.typeSales' : 'groups.typeStandard')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{membersText(g)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        label={t('groups.actionsFor', { name: g.name })}
                        actions={[
                          {
                            label: t('groups.edit'),
                            icon: <IconPencil size={16} />,
                            onClick: () => setEditing({ group: g }),
                          },
                          !g.archived && {
                            label: t('groups.addSub'),
                            icon: <IconSubtask size={16} />,
                            onClick: () => setEditing({ group: null, parentId: g.id }),
                          },
                          g.archived
                            ? {
                                label: t('groups.unarchive'),
                                icon: <IconArchiveOff size={16} />,
                                onClick: () => setArchived(g, false),
                              }
                            : {
                                label: t('groups.archive'),
                                icon: <IconArchive size={16} />,
                                onClick: () => setArchiving(g),
                              },
                          {
                            label: t('groups.delete'),
                            icon: <IconTrash size={16} />,
                            onClick: () => setDeleting(g),
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

      <GroupModal
        opened={editing !== null}
        group={editing?.group ?? null}
        parentId={editing?.parentId}
        tree={all}
        loading={create.isPending || update.isPending}
        onClose={() => setEditing(null)}
        onSubmit={save}
      />
      <ConfirmDialog
        opened={archiving !== null}
        title={t('groups.archiveTitle')}
        message={t('groups.archiveText', { name: archiving?.name ?? '' })}
        confirmLabel={t('groups.archive')}
        danger
        loading={update.isPending}
        onConfirm={() => archiving && setArchived(archiving, true)}
        onClose={() => setArchiving(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('groups.deleteTitle')}
        message={t('groups.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('groups.delete')}
        danger
        loading={remove.isPending}
        onConfirm={() => deleting && del(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
