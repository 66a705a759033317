import { Button, Group, Stack } from '@mantine/core';
import type { Me } from '@spotter/contracts';
import { IconPhoneCall, IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { usePhoneRegion } from '../../contact-card/index.ts';
import { NewCallModal, TaskFormModal } from '../../tasks/index.ts';
import { useBoardSummary } from '../api/board-api.ts';
import { boardFilters, clearBoardFilters, patchSearch } from '../board-params.ts';
import type { BoardSearch } from '../board-search.ts';
import { BoardFilters } from '../components/board-filters.tsx';
import { BoardView } from '../components/board-view.tsx';
import { ExpandedCard } from '../components/expanded-card.tsx';

/** The board fills the screen below the header; its columns scroll on their own. */
const FULL_HEIGHT =
  'calc(100dvh - var(--app-shell-header-offset, 0rem) - 2 * var(--app-shell-padding))';

/** T-8, seed 003: every open task as a card in the column of when it is due. */
export function TaskBoardPage(props: { me: Me; search: BoardSearch }) {
  const { t } = useTranslation('board');
  const navigate = useNavigate();
  const filters = useMemo(() => boardFilters(props.search), [props.search]);
  const summary = useBoardSummary(filters);
  const phoneRegion = usePhoneRegion();
  const [creating, setCreating] = useState<'task' | 'call' | null>(null);
  const canWrite = props.me.permissions.includes('tasks.write');

  const go = (next: (prev: BoardSearch) => BoardSearch) =>
    void navigate({ to: '/board', search: (prev: BoardSearch) => next(prev) });
  const openCard = (id: string) => go((prev) => ({ ...prev, card: id }));

  return (
    <Stack gap={0} style={{ height: FULL_HEIGHT, minHeight: 520 }}>
      <PageHeader
        title={t('title')}
        actions={
          canWrite && (
            <Group gap="sm">
              <Button
                variant="default"
                leftSection={<IconPhoneCall size={16} />}
                onClick={() => setCreating('call')}
                data-testid="board-new-call"
              >
                {t('actions.newCall')}
              </Button>
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setCreating('task')}
                data-testid="board-new-task"
              >
                {t('actions.newTask')}
              </Button>
            </Group>
          )
        }
      />
      <BoardFilters
        search={props.search}
        onChange={(patch) => go((prev) => patchSearch(prev, patch))}
        onClear={() => go(clearBoardFilters)}
      />
      {summary.isError && !summary.data ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <BoardView
          filters={filters}
          timeZone={props.me.organization.timezone}
          phoneRegion={phoneRegion}
          onOpen={openCard}
        />
      )}
      <ExpandedCard
        taskId={props.search.card}
        me={props.me}
        onClose={() => go((prev) => patchSearch(prev, { card: undefined }))}
        onOpenTask={openCard}
      />
      {canWrite && (
        <>
          <TaskFormModal opened={creating === 'task'} onClose={() => setCreating(null)} />
          <NewCallModal opened={creating === 'call'} onClose={() => setCreating(null)} />
        </>
      )}
    </Stack>
  );
}
