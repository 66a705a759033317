import { Anchor, Button, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import type { DealHistoryEntry, Pipeline } from '@spotter/contracts';
import {
  IconArrowBackUp,
  IconArrowRight,
  IconBriefcase,
  IconLink,
  IconPencil,
  IconThumbDown,
  IconTrophy,
  IconUserCheck,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useStaff } from '../../../lib/crm-reference.ts';
import { useDealHistory, useDealList } from '../api/deals-api.ts';

const ICONS: Record<DealHistoryEntry['event'], ReactNode> = {
  created: <IconBriefcase size={14} />,
  updated: <IconPencil size={14} />,
  stage_changed: <IconArrowRight size={14} />,
  won: <IconTrophy size={14} />,
  lost: <IconThumbDown size={14} />,
  reopened: <IconArrowBackUp size={14} />,
  owner_changed: <IconUserCheck size={14} />,
  task_linked: <IconLink size={14} />,
};

/** The dialog's label of a field the server names (`ownerId` → `owner`, `productIds` → `products`). */
const fieldKey = (field: string) => field.replace(/Ids$/, 's').replace(/Id$/, '');

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** What happened to a deal, newest first, a page at a time: stages, won, lost and why, owners. */
export function DealHistory(props: {
  dealId: string;
  pipeline: Pipeline | undefined;
  timeZone: string;
}) {
  const { t } = useTranslation('deals');
  const history = useDealHistory(props.dealId);
  const reasons = useDealList('lost-reasons', true).data?.items ?? [];
  const staff = useStaff().data?.items ?? [];
  // Names as they were when it happened, which the server keeps; else today's.
  const stageName = (id: unknown, then: unknown) =>
    str(then) ?? props.pipeline?.stages.find((s) => s.id === id)?.name ?? t('history.unknownStage');
  const staffName = (id: unknown) =>
    id === null ? t('card.noOwner') : (staff.find((s) => s.id === id)?.name ?? '—');

  const describe = (e: DealHistoryEntry): ReactNode => {
    const d = e.data;
    switch (e.event) {
      case 'stage_changed':
      case 'won':
      case 'reopened':
        return t('history.moved', {
          from: stageName(d.fromStageId, d.fromStageName),
          to: stageName(d.toStageId, d.toStageName),
        });
      case 'lost': {
        const reason =
          str(d.lostReasonName) ?? reasons.find((r) => r.id === d.lostReasonId)?.name ?? '—';
        const comment = str(d.lostComment);
        return (
          <>
            {t('history.lostBecause', { stage: stageName(d.toStageId, d.toStageName), reason })}
            {comment && (
              <Text size="sm" c="dimmed" fs="italic">
                {comment}
              </Text>
            )}
          </>
        );
      }
      case 'owner_changed':
        return t('history.owner', { from: staffName(d.from), to: staffName(d.to) });
      case 'updated':
        return Array.isArray(d.fields) && d.fields.length > 0
          ? t('history.fields', {
              fields: d.fields
                .map((f) =>
                  typeof f === 'string' ? t(`fields.${fieldKey(f)}`, { defaultValue: f }) : '',
                )
                .filter(Boolean)
                .join(', '),
            })
          : null;
      case 'task_linked':
        return str(d.taskId) ? (
          <Anchor
            renderRoot={(root) => (
              <Link {...root} to="/tasks/$taskId" params={{ taskId: str(d.taskId)! }} />
            )}
            size="sm"
          >
            {t('history.openTask')}
          </Anchor>
        ) : null;
      case 'created':
        return t('history.createdIn', { stage: stageName(d.toStageId, d.toStageName) });
    }
  };

  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" data-testid="deal-history">
      {history.isPending && <Skeleton height={80} />}
      {history.isError && (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      )}
      {history.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('history.empty')}
        </Text>
      )}
      <Timeline bulletSize={24} lineWidth={2}>
        {items.map((e) => (
          <Timeline.Item
            key={e.id}
            bullet={ICONS[e.event]}
            title={t(`history.events.${e.event}`)}
            data-testid={`deal-history-${e.event}`}
          >
            <Text size="sm" component="div">
              {describe(e)}
            </Text>
            <Text size="xs" c="dimmed">
              {e.author
                ? t('history.by', {
                    name: e.author.name,
                    date: formatDateTime(e.createdAt, props.timeZone),
                  })
                : formatDateTime(e.createdAt, props.timeZone)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {history.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          loading={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          {t('history.more')}
        </Button>
      )}
    </Stack>
  );
}
