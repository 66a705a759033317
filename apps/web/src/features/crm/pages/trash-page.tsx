import {
  ActionIcon,
  Button,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ContactKind, Me } from '@spotter/contracts';
import { IconLock, IconRestore, IconSearch, IconTrash, IconTrashX } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { MessagePage } from '../../../components/message-page.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { useCrmSettings } from '../api/crm-settings-api.ts';
import { usePurge, useRestore, useTrash, type TrashItem } from '../api/trash-api.ts';
import { DeleteDialog } from '../../../components/settings/delete-dialog.tsx';
import { closeThen, notifySaved, showFailure } from '../../../lib/feedback.ts';

const PAGE_SIZE = 25;

type KindFilter = 'all' | ContactKind;

/** Deleted persons and companies (C-12): an admin restores them or purges them for good. */
export function TrashPage({ me }: { me: Me }) {
  const { t } = useTranslation('crm');
  const navigate = useNavigate();
  if (!me.permissions.includes('contacts.admin')) {
    return (
      <MessagePage
        icon={<IconLock size={28} />}
        title={t('trash.noAccessTitle')}
        message={t('trash.noAccessText')}
        action={{ label: t('common:actions.goHome'), onClick: () => void navigate({ to: '/' }) }}
        testId="no-access"
      />
    );
  }
  return <TrashList timezone={me.organization.timezone} />;
}

function TrashList({ timezone }: { timezone: string }) {
  const { t } = useTranslation('crm');
  const [kind, setKind] = useState<KindFilter>('all');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const trash = useTrash({
    kind: kind === 'all' ? null : kind,
    search: debounced,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const settings = useCrmSettings();
  const restore = useRestore();
  const purge = usePurge();
  const [purging, setPurging] = useState<TrashItem | null>(null);

  // A new filter starts at the first page.
  useEffect(() => setPage(1), [kind, debounced]);

  const total = trash.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = trash.data?.items ?? [];
  // Restoring or purging the last row of the last page: step back to a page that has rows.
  useEffect(() => {
    if (trash.isSuccess && !trash.isPlaceholderData && page > pages) setPage(pages);
  }, [trash.isSuccess, trash.isPlaceholderData, page, pages]);

  const filtered = kind !== 'all' || debounced.trim() !== '';
  const kindLabel = (k: ContactKind) => t(`kind.${k}`);

  const doRestore = (item: TrashItem) =>
    restore.mutate(item, {
      onSuccess: () => notifySaved(t('trash.restored', { name: item.displayName })),
      onError: (err) => showFailure(err),
    });

  const doPurge = (item: TrashItem) =>
    purge.mutate(
      item.id,
      closeThen(
        () => setPurging(null),
        () => notifySaved(t('trash.purged', { name: item.displayName })),
      ),
    );

  return (
    <>
      <PageHeader
        title={t('trash.title')}
        description={
          settings.data
            ? t('trash.intro', { count: settings.data.trashRetentionDays })
            : t('trash.introShort')
        }
      />
      <Group mb="md" gap="sm" justify="space-between">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v === 'person' || v === 'company' ? v : 'all')}
          data={[
            { value: 'all', label: t('trash.all') },
            { value: 'person', label: t('entity.person') },
            { value: 'company', label: t('entity.company') },
          ]}
          aria-label={t('trash.kindLabel')}
          data-testid="trash-kind"
        />
        <TextInput
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          placeholder={t('trash.search')}
          aria-label={t('trash.search')}
          leftSection={<IconSearch size={16} />}
          maxLength={200}
          w={{ base: '100%', xs: 280 }}
          data-testid="trash-search"
        />
      </Group>

      {trash.isPending && <SettingsSkeleton />}
      {trash.isError && <QueryError error={trash.error} onRetry={() => void trash.refetch()} />}
      {trash.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconTrash size={28} />}
          title={t(filtered ? 'trash.noMatchTitle' : 'trash.emptyTitle')}
          text={t(filtered ? 'trash.noMatchText' : 'trash.emptyText')}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md" style={{ opacity: trash.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="trash-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('trash.name')}</Table.Th>
                  <Table.Th>{t('trash.kind')}</Table.Th>
                  <Table.Th>{t('trash.deletedBy')}</Table.Th>
                  <Table.Th>{t('trash.deletedAt')}</Table.Th>
                  <Table.Th>{t('trash.purgeAt')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id} data-testid={`trash-row-${item.id}`}>
                    <Table.Td fw={500}>{item.displayName}</Table.Td>
                    <Table.Td>{kindLabel(item.kind)}</Table.Td>
                    <Table.Td>{item.deletedBy?.name ?? <Text c="dimmed">—</Text>}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(item.deletedAt, timezone)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(item.purgeAt, timezone)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconRestore size={14} />}
                          loading={restore.isPending && restore.variables.id === item.id}
                          onClick={() => doRestore(item)}
                          aria-label={t('trash.restoreNamed', { name: item.displayName })}
                          data-testid={`trash-restore-${item.id}`}
                        >
                          {t('trash.restore')}
                        </Button>
                        <Tooltip label={t('trash.purge')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => setPurging(item)}
                            aria-label={t('trash.purgeNamed', { name: item.displayName })}
                            data-testid={`trash-purge-${item.id}`}
                          >
                            <IconTrashX size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {trash.isSuccess && total > PAGE_SIZE && (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            {t('trash.total', { count: total })}
          </Text>
          <Pagination
            value={page}
            onChange={setPage}
            total={pages}
            size="sm"
            data-testid="trash-pagination"
          />
        </Group>
      )}

      <DeleteDialog
        entry={purging}
        title={t('trash.purgeTitle')}
        message={t('trash.purgeText', { name: purging?.displayName ?? '' })}
        confirmLabel={t('trash.purge')}
        loading={purge.isPending}
        onConfirm={doPurge}
        onClose={() => setPurging(null)}
      />
    </>
  );
}
