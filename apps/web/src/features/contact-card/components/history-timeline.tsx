import { Button, Group, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import type { ContactKind, HistoryEntry } from '@spotter/contracts';
import {
  IconArrowsJoin,
  IconArrowRight,
  IconBriefcase,
  IconThumbDown,
  IconTrophy,
  IconPlugConnected,
  IconChecks,
  IconCirclePlus,
  IconDownload,
  IconEraser,
  IconFileImport,
  IconMail,
  IconMessage,
  IconMailOff,
  IconNote,
  IconPencil,
  IconRestore,
  IconTrash,
  IconUserCheck,
  IconUserMinus,
  IconUsersGroup,
  IconTag,
  IconWorldWww,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { TagBadge } from '../../../components/status-badge.tsx';
import { statusesQuery, useLookups, useStaff } from '../../../lib/crm-reference.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useHistory } from '../api/contact-api.ts';
import { historySentence, relativeTime } from './history-text.ts';

const ICONS: Record<HistoryEntry['event'], React.ReactNode> = {
  note: <IconNote size={14} />,
  created: <IconCirclePlus size={14} />,
  updated: <IconPencil size={14} />,
  status_changed: <IconTag size={14} />,
  responsible_changed: <IconUserCheck size={14} />,
  merged: <IconArrowsJoin size={14} />,
  deleted: <IconTrash size={14} />,
  restored: <IconRestore size={14} />,
  imported: <IconFileImport size={14} />,
  erased: <IconEraser size={14} />,
  exported: <IconDownload size={14} />,
  task_result: <IconChecks size={14} />,
  club_event: <IconPlugConnected size={14} />,
  lead_form: <IconWorldWww size={14} />,
  deal_created: <IconBriefcase size={14} />,
  deal_stage_changed: <IconArrowRight size={14} />,
  deal_won: <IconTrophy size={14} />,
  deal_lost: <IconThumbDown size={14} />,
  email_sent: <IconMail size={14} />,
  sms_sent: <IconMessage size={14} />,
  consent_withdrawn: <IconMailOff size={14} />,
  relation_added: <IconUsersGroup size={14} />,
  relation_removed: <IconUserMinus size={14} />,
};

/** The timeline of a person or company, newest first, a page at a time (C-9). */
export function HistoryTimeline(props: {
  kind: ContactKind;
  id: string;
  timeZone: string;
  /** Only the newest few entries, without paging (a caller's card that pops up). */
  limit?: number;
}) {
  const { t, i18n } = useTranslation('card');
  const history = useHistory(props.kind, props.id);
  const statuses = useQuery(statusesQuery(props.kind, true));
  const staff = useStaff();
  const types = useLookups('history-types');
  const names = useMemo(() => {
    const status = new Map((statuses.data?.items ?? []).map((s) => [s.id, s.name]));
    const people = new Map((staff.data?.items ?? []).map((s) => [s.id, s.name]));
    return { status: (id: string) => status.get(id), staff: (id: string) => people.get(id) };
  }, [statuses.data, staff.data]);
  const typeName = useMemo(
    () => new Map((types.data?.items ?? []).map((l) => [l.id, l])),
    [types.data],
  );

  if (history.isPending) return <Skeleton height={120} />;
  if (history.isError) {
    return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  }
  const all = history.data.pages.flatMap((p) => p.items);
  const entries = props.limit === undefined ? all : all.slice(0, props.limit);
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('history.empty')}
      </Text>
    );
  }
  const now = new Date();
  return (
    <Stack gap="md">
      <Timeline bulletSize={24} lineWidth={2}>
        {entries.map((entry) => {
          const type = entry.typeId ? typeName.get(entry.typeId) : undefined;
          const sentence = historySentence(entry, t, names);
          return (
            <Timeline.Item
              key={entry.id}
              bullet={ICONS[entry.event]}
              data-testid="history-entry"
              title={
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {t(`history.events.${entry.event}`)}
                  </Text>
                  {type && <TagBadge name={type.name} color={type.color} />}
                </Group>
              }
            >
              {sentence && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {sentence}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={4}>
                {entry.author?.name ?? t('history.system')} ·{' '}
                <time dateTime={entry.createdAt}>
                  {relativeTime(entry.createdAt, now, i18n.language)} ·{' '}
                  {formatDateTime(entry.createdAt, props.timeZone)}
                </time>
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {history.hasNextPage && props.limit === undefined && (
        <Button
          variant="light"
          onClick={() => void history.fetchNextPage()}
          loading={history.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
          data-testid="history-more"
        >
          {t('history.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
