import {
  Badge,
  Button,
  Group,
  Modal,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { User } from '@spotter/contracts';
import { IconKey, IconPencil, IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { RowActions } from '../../../components/row-actions.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { SecretReveal } from '../../../components/secret-reveal.tsx';
import { errorMessage } from '../../../lib/validation.ts';
import { useBranches } from '../api/branches-api.ts';
import { USERS_PAGE_SIZE, useResetPassword, useUsers } from '../api/users-api.ts';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { UserCreateModal } from '../components/user-create-modal.tsx';
import { UserEditModal } from '../components/user-edit-modal.tsx';

export function UsersPage(props: { currentUserId: string }) {
  const { t } = useTranslation('settings');
  const [page, setPage] = useState(1);
  const users = useUsers(page);
  const branches = useBranches(true);
  const reset = useResetPassword();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [newPassword, setNewPassword] = useState<{ name: string; password: string } | null>(null);

  const branchName = new Map((branches.data?.items ?? []).map((b) => [b.id, b.name]));
  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));

  const doReset = (user: User) =>
    reset.mutate(user.id, {
      onSuccess: (res) => {
        setResetting(null);
        setNewPassword({ name: user.name, password: res.temporaryPassword });
      },
      onError: (err) => {
        setResetting(null);
        notifications.show({ color: 'red', message: errorMessage(err) });
      },
    });

  return (
    <>
      <Group justify="space-between" mb="md">
        <Text c="dimmed" size="sm">
          {users.isSuccess ? t('users.count', { count: total }) : ' '}
        </Text>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setAdding(true)}
          data-testid="add-user"
        >
          {t('users.add')}
        </Button>
      </Group>

      {users.isPending && <SettingsSkeleton />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.isSuccess && users.data.items.length === 0 && (
        <EmptyState
          icon={<IconUsers size={28} />}
          title={t('users.emptyTitle')}
          text={t('users.emptyText')}
        />
      )}
      {users.isSuccess && users.data.items.length > 0 && (
        <Stack>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={700}>
              <Table verticalSpacing="sm" highlightOnHover data-testid="users-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('users.name')}</Table.Th>
                    <Table.Th>{t('users.role')}</Table.Th>
                    <Table.Th>{t('users.branches')}</Table.Th>
                    <Table.Th miw={190}>{t('users.status')}</Table.Th>
                    <Table.Th w={60}>
                      <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.data.items.map((u) => (
                    <Table.Tr key={u.id} data-testid="user-row" opacity={u.active ? 1 : 0.6}>
                      <Table.Td>
                        <Text fw={500} size="sm">
                          {u.name}
                          {u.id === props.currentUserId && (
                            <Text span c="dimmed" size="sm">
                              {' '}
                              ({t('users.you')})
                            </Text>
                          )}
                        </Text>
                        <Text c="dimmed" size="xs">
                          {u.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`common:roles.${u.role}`)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {u.branchIds.length === 0
                            ? t('users.allBranches')
                            : u.branchIds.map((id) => branchName.get(id) ?? '…').join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge variant="light" color={u.active ? 'teal' : 'gray'}>
                            {t(u.active ? 'users.statusActive' : 'users.statusInactive')}
                          </Badge>
                          {u.active && u.mustChangePassword && (
                            <Badge variant="light" color="yellow">
                              {t('users.statusInvited')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <RowActions
                          label={t('users.actionsFor', { name: u.name })}
                          actions={[
                            {
                              label: t('users.editAction'),
                              icon: <IconPencil size={16} />,
                              onClick: () => setEditing(u),
                            },
                            u.id !== props.currentUserId &&
                              u.active && {
                                label: t('users.resetPassword'),
                                icon: <IconKey size={16} />,
                                onClick: () => setResetting(u),
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
          {pages > 1 && (
            <Group justify="center">
              <Pagination total={pages} value={page} onChange={setPage} />
            </Group>
          )}
        </Stack>
      )}

      <UserCreateModal opened={adding} onClose={() => setAdding(false)} />
      {editing && (
        <UserEditModal
          user={editing}
          isSelf={editing.id === props.currentUserId}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={resetting !== null}
        title={t('users.resetTitle')}
        message={t('users.resetText', { name: resetting?.name ?? '' })}
        confirmLabel={t('users.resetPassword')}
        danger
        loading={reset.isPending}
        onConfirm={() => resetting && doReset(resetting)}
        onClose={() => setResetting(null)}
      />
      <Modal
        opened={newPassword !== null}
        onClose={() => setNewPassword(null)}
        title={t('users.resetDoneTitle', { name: newPassword?.name ?? '' })}
        centered
        closeOnClickOutside={false}
      >
        {newPassword && (
          <Stack>
            <SecretReveal
              value={newPassword.password}
              note={t('users.temporaryPasswordNote')}
              testId="temporary-password"
            />
            <Group justify="flex-end">
              <Button onClick={() => setNewPassword(null)}>{t('common:actions.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
