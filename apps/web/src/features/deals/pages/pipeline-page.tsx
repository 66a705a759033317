import { Box, Button, Group, Select, Skeleton, Stack } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { Me, Stage } from '@spotter/contracts';
import { IconPlus, IconTimeline } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { columnWidth } from '../../../components/board/board-layout.ts';
import { focusFirstCard, useBoardKeys } from '../../../components/board/use-board-keys.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { SkipLink } from '../../../components/skip-link.tsx';
import { useDealBoard, usePipelines } from '../api/deals-api.ts';
import { DealFilters } from '../components/deal-filters.tsx';
import { PipelineBoard } from '../components/pipeline-board.tsx';
import { clearDealFilters, dealFilters, patchDealSearch } from '../deal-params.ts';
import type { PipelineSearch } from '../deals-search.ts';
import { DealFormModal } from '../dialogs.ts';

/** The board fills the screen below the header; its columns scroll on their own. */
const FULL_HEIGHT =
  'calc(100dvh - var(--app-shell-header-offset, 0rem) - 2 * var(--app-shell-padding))';

/**
 * S-4, seed 001/004: the deals of a pipeline as cards by stage, with each column's count, sum
 * and weighted sum; drag a deal to its next stage, drop it on Won or Lost.
 */
export function PipelinePage(props: { me: Me; search: PipelineSearch }) {
  const { t } = useTranslation('deals');
  const navigate = useNavigate();
  const pipelines = usePipelines(true);
  const active = (pipelines.data?.items ?? []).filter((p) => !p.archived);
  const pipeline = active.find((p) => p.id === props.search.pipelineId) ?? active[0];
  const search = useMemo(
    () => ({ ...props.search, pipelineId: pipeline?.id }),
    [props.search, pipeline?.id],
  );
  const filters = useMemo(() => dealFilters(search), [search]);
  const board = useDealBoard(filters, pipeline !== undefined);
  const canWrite = props.me.permissions.includes('deals.write');
  const [creating, setCreating] = useState(false);
  const { ref: sizeRef, width } = useElementSize();
  const content = useRef<HTMLDivElement>(null);

  const go = (next: (prev: PipelineSearch) => PipelineSearch) =>
    void navigate({
      from: '/pipeline',
      to: '/pipeline',
      search: (prev: PipelineSearch) => next(prev),
    });
  const open = (id: string) => void navigate({ to: '/deals/$dealId', params: { dealId: id } });
  useBoardKeys(content, open);

  // The stages the board has columns for, in its order; an archived one shows while it has deals.
  const stages = useMemo(() => {
    if (!pipeline || !board.data || board.data.pipelineId !== pipeline.id) return [];
    const byId = new Map(pipeline.stages.map((s) => [s.id, s]));
    return board.data.columns
      .map((c) => byId.get(c.stageId))
      .filter((s): s is Stage => s !== undefined);
  }, [pipeline, board.data]);

  return (
    <Stack gap={0} style={{ height: FULL_HEIGHT, minHeight: 520 }} ref={sizeRef}>
      <SkipLink
        label={t('board.skipToCards')}
        onSkip={() => focusFirstCard(content.current)}
        testId="skip-to-deals"
      />
      <PageHeader
        title={t('board.title')}
        actions={
          <Group gap="sm">
            {active.length > 1 && (
              <Select
                aria-label={t('board.pipeline')}
                data={active.map((p) => ({ value: p.id, label: p.name }))}
                value={pipeline?.id ?? null}
                allowDeselect={false}
                onChange={(id) => id && go((prev) => ({ ...prev, pipelineId: id }))}
                data-testid="pipeline-switch"
              />
            )}
            {canWrite && pipeline && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setCreating(true)}
                data-testid="pipeline-new-deal"
              >
                {t('actions.newDeal')}
              </Button>
            )}
          </Group>
        }
      />
      <DealFilters
        search={props.search}
        timeZone={props.me.organization.timezone}
        onChange={(patch) => go((prev) => patchDealSearch(prev, patch))}
        onClear={() => go(clearDealFilters)}
      />
      <Box
        ref={content}
        tabIndex={-1}
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', outline: 0 }}
        data-testid="pipeline-content"
      >
        {pipelines.isError ? (
          <QueryError error={pipelines.error} onRetry={() => void pipelines.refetch()} />
        ) : pipelines.isSuccess && !pipeline ? (
          <EmptyState
            icon={<IconTimeline size={28} />}
            title={t('board.noPipelineTitle')}
            text={t('board.noPipelineText')}
          />
        ) : board.isError && !board.data ? (
          <QueryError error={board.error} onRetry={() => void board.refetch()} />
        ) : !pipeline || stages.length === 0 ? (
          <Group
            gap={12}
            wrap="nowrap"
            style={{ overflow: 'hidden' }}
            data-testid="pipeline-loading"
          >
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} height={360} width={260} radius="md" />
            ))}
          </Group>
        ) : (
          width > 0 && (
            <PipelineBoard
              stages={stages}
              currency={board.data?.currency ?? props.me.organization.currency}
              columnWidth={columnWidth(width, stages.length)}
              filters={filters}
              canWrite={canWrite}
              onOpen={open}
            />
          )
        )}
      </Box>
      {canWrite && (
        <DealFormModal
          opened={creating}
          me={props.me}
          preset={{ pipelineId: pipeline?.id ?? null }}
          onClose={() => setCreating(false)}
        />
      )}
    </Stack>
  );
}
