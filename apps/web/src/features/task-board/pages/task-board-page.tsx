import { Box, Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { Me } from '@spotter/contracts';
import { IconPhoneCall, IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { SkipLink } from '../../../components/skip-link.tsx';
import { onDemand } from '../../../components/on-demand.tsx';
import { focusFirstCard, useBoardKeys } from '../../../components/board/use-board-keys.ts';
import { withMoreTexts } from '../../../lib/i18n.ts';
import { usePhoneRegion } from '../../contact-card/index.ts';
import { NewCallModal, TaskFormModal } from '../../tasks/index.ts';
import { useBoardSummary } from '../api/board-api.ts';
import { columnWidth, defaultColumns } from '../board-layout.ts';
import { boardFilters, clearBoardFilters, patchSearch } from '../board-params.ts';
import { useChosenColumns, useLastView, type BoardViewMode } from '../board-prefs.ts';
import type { BoardSearch } from '../board-search.ts';
import { BoardFilters } from '../components/board-filters.tsx';
import { BoardView } from '../components/board-view.tsx';
import { ColumnPicker } from '../components/column-picker.tsx';
import { MyDay } from '../components/my-day.tsx';

// The expanded card (task, contact, history, comment box) is fetched when a card first opens.
// The expanded card's texts (the contact card's, club records') come with it.
const ExpandedCard = onDemand(
  withMoreTexts(() => import('../components/expanded-card.tsx').then((m) => m.ExpandedCard)),
  (p) => p.taskId !== undefined,
);

/** The board fills the screen below the header; its columns scroll on their own. */
const FULL_HEIGHT =
  'calc(100dvh - var(--app-shell-header-offset, 0rem) - 2 * var(--app-shell-padding))';

/**
 * T-8, seed 003: every open task as a card in the column of when it is due; or, on a tablet
 * at the desk, "my day": what is overdue or due today for me, with big buttons.
 */
export function TaskBoardPage(props: { me: Me; search: BoardSearch }) {
  const { t } = useTranslation('board');
  const navigate = useNavigate();
  const filters = useMemo(() => boardFilters(props.search), [props.search]);
  const lastView = useLastView();
  const view: BoardViewMode = props.search.view ?? lastView.view;
  // "My day" shows no columns: the board is not fetched behind it.
  const summary = useBoardSummary(filters, view === 'board');
  const phoneRegion = usePhoneRegion();
  const [creating, setCreating] = useState<'task' | 'call' | null>(null);
  const canWrite = props.me.permissions.includes('tasks.write');
  const { ref: sizeRef, width } = useElementSize();
  const columnsChoice = useChosenColumns();
  const columns = columnsChoice.chosen ?? defaultColumns(width);
  const content = useRef<HTMLDivElement>(null);

  const go = (next: (prev: BoardSearch) => BoardSearch) =>
    void navigate({ from: '/board', to: '/board', search: (prev: BoardSearch) => next(prev) });
  const openCard = (id: string) => go((prev) => ({ ...prev, card: id }));
  const setView = (v: BoardViewMode) => {
    lastView.setView(v);
    go((prev) => ({ ...prev, view: v }));
  };
  useBoardKeys(content, openCard);

  return (
    // My day is a plain list: the page scrolls, as a finger expects; the board's columns
    // scroll on their own inside a page that fits the screen.
    <Stack
      gap={0}
      style={view === 'board' ? { height: FULL_HEIGHT, minHeight: 520 } : undefined}
      ref={sizeRef}
    >
      <SkipLink
        label={t('skipToCards')}
        onSkip={() => focusFirstCard(content.current)}
        testId="skip-to-cards"
      />
      <PageHeader
        title={t('title')}
        actions={
          <>
            <SegmentedControl
              value={view}
              onChange={(v) => setView(v === 'day' ? 'day' : 'board')}
              data={[
                { value: 'board', label: t('view.board') },
                { value: 'day', label: t('view.day') },
              ]}
              aria-label={t('view.label')}
              data-testid="board-view-switch"
            />
            {canWrite && (
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
            )}
          </>
        }
      />
      {view === 'board' && (
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <Box style={{ flex: 1, minWidth: 0 }}>
            <BoardFilters
              search={props.search}
              onChange={(patch) => go((prev) => patchSearch(prev, patch))}
              onClear={() => go(clearBoardFilters)}
            />
          </Box>
          <Box mb="md">
            <ColumnPicker
              shown={columns}
              automatic={columnsChoice.chosen === null}
              onChange={columnsChoice.setChosen}
              onReset={columnsChoice.reset}
            />
          </Box>
        </Group>
      )}
      <Box
        ref={content}
        tabIndex={-1}
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', outline: 0 }}
        data-testid="board-content"
      >
        {view === 'day' ? (
          <MyDay canWrite={canWrite} phoneRegion={phoneRegion} onOpen={openCard} />
        ) : summary.isError && !summary.data ? (
          <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          width > 0 && (
            <BoardView
              columns={columns}
              columnWidth={columnWidth(width, columns.length)}
              filters={filters}
              timeZone={props.me.organization.timezone}
              phoneRegion={phoneRegion}
              onOpen={openCard}
            />
          )
        )}
      </Box>
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
