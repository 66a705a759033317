import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { Deal, Me } from '@spotter/contracts';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { showFailure } from '../../../lib/feedback.ts';
import { DueBadge, useContactTasks } from '../../tasks/index.ts';
import { useDealTasks, useLinkDealTask } from '../api/deals-api.ts';

/**
 * The tasks linked to a deal, open ones first (S-1): each opens the task; an open task of the
 * deal's person or company can be linked, so its result can move the deal.
 */
export function DealTasks(props: { deal: Deal; me: Me }) {
  const { t } = useTranslation('deals');
  const { deal } = props;
  const canRead = props.me.permissions.includes('tasks.read');
  const canLink = canRead && props.me.permissions.includes('deals.write');
  const tasks = useDealTasks(deal.id, canRead);
  const contactTasks = useContactTasks(canLink ? (deal.personId ?? deal.companyId) : null);
  const link = useLinkDealTask(deal.id);
  const [picked, setPicked] = useState<string | null>(null);
  if (!canRead) return null;
  const items = tasks.data?.items ?? [];
  const linked = new Set(items.map((x) => x.id));
  const linkable = (contactTasks.data?.items ?? []).filter((x) => !linked.has(x.id));
  const change = (taskId: string, on: boolean) =>
    link.mutate(
      { taskId, link: on },
      { onSuccess: () => setPicked(null), onError: (err) => showFailure(err) },
    );

  return (
    <Paper withBorder radius="md" p="md" data-testid="deal-tasks">
      <Title order={4} mb="sm">
        {t('tasks.title')}
      </Title>
      {tasks.isPending && <Skeleton height={48} />}
      {tasks.isError && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('tasks.empty')}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((task) => (
          <Group
            key={task.id}
            gap="xs"
            wrap="nowrap"
            justify="space-between"
            data-testid="deal-task"
          >
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <DueBadge dueAt={task.dueAt} dueState={task.dueState} />
              <Anchor
                renderRoot={(root) => (
                  <Link {...root} to="/tasks/$taskId" params={{ taskId: task.id }} />
                )}
                size="sm"
                fw={600}
              >
                {task.template.name}
              </Anchor>
              <EntryBadge entry={task.status} />
            </Group>
            {canLink && (
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('tasks.unlink', { name: task.template.name })}
                onClick={() => change(task.id, false)}
                disabled={link.isPending}
              >
                <IconUnlink size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      {canLink && linkable.length > 0 && (
        <Group gap="xs" mt="sm" wrap="nowrap">
          <Select
            size="xs"
            style={{ flex: 1 }}
            aria-label={t('tasks.pick')}
            placeholder={t('tasks.pick')}
            data={linkable.map((x) => ({ value: x.id, label: x.template.name }))}
            value={picked}
            onChange={setPicked}
            data-testid="deal-task-pick"
          />
          <Button
            size="xs"
            variant="light"
            leftSection={<IconLink size={14} />}
            disabled={!picked}
            loading={link.isPending}
            onClick={() => picked && change(picked, true)}
            data-testid="deal-task-link"
          >
            {t('tasks.link')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
