import { Badge, Button, Code, Group, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApiToken } from '@spotter/contracts';
import { IconPlugConnected, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorMessage } from '../../../lib/validation.ts';
import { useApiTokens, useRevokeApiToken } from '../api/api-tokens-api.ts';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { TokenCreateModal } from '../components/token-create-modal.tsx';

export function ApiTokensPage(props: { timezone: string }) {
  const { t } = useTranslation('settings');
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const items = tokens.data?.items ?? [];

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-start" wrap="nowrap">
        <Text c="dimmed" size="sm" maw={560}>
          {t('tokens.intro')}
        </Text>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setAdding(true)}
          data-testid="add-token"
          style={{ flexShrink: 0 }}
        >
          {t('tokens.add')}
        </Button>
      </Group>
      {tokens.isPending && <SettingsSkeleton />}
      {tokens.isError && <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconPlugConnected size={28} />}
          title={t('tokens.emptyTitle')}
          text={t('tokens.emptyText')}
          action={{ label: t('tokens.add'), onClick: () => setAdding(true) }}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" data-testid="tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('tokens.prefix')}</Table.Th>
                  <Table.Th>{t('tokens.scopes')}</Table.Th>
                  <Table.Th>{t('tokens.created')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((tok) => (
                  <Table.Tr key={tok.id} data-testid="token-row">
                    <Table.Td fw={500}>{tok.name}</Table.Td>
                    <Table.Td>
                      <Code>{tok.prefix}…</Code>
                    </Table.Td>
                    <Table.Td data-testid="token-scopes">
                      <Group gap={4}>
                        {tok.scopes.map((scope) => (
                          <Badge key={scope} variant="light" size="sm" tt="none">
                            {t(`tokens.scope.${scope}.label`)}
                          </Badge>
                        ))}
                      </Group>
                      <Text size="xs" c="dimmed" mt={4}>
                        {tok.expiresAt
                          ? t('tokens.expiresOn', {
                              date: formatDateTime(tok.expiresAt, props.timezone),
                            })
                          : t('tokens.noExpiry')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(tok.createdAt, props.timezone)}</Text>
                      {tok.createdBy && (
                        <Text size="xs" c="dimmed">
                          {tok.createdBy}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {tok.lastUsedAt
                        ? formatDateTime(tok.lastUsedAt, props.timezone)
                        : t('tokens.neverUsed')}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        leftSection={<IconTrash size={14} />}
                        onClick={() => setRevoking(tok)}
                      >
                        {t('tokens.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <TokenCreateModal opened={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('tokens.revokeTitle')}
        message={t('tokens.revokeText', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        danger
        loading={revoke.isPending}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => setRevoking(null),
            onError: (err) => {
              setRevoking(null);
              notifications.show({ color: 'red', message: errorMessage(err) });
            },
          })
        }
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
