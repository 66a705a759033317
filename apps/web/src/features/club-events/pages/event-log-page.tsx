import {
  Button,
  Center,
  Group,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { CLUB_EVENT_TYPES } from '@spotter/contracts';
import { IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useEventLog, useEventSources, type EventLogFilters } from '../api/club-events-api.ts';
import { EventLogEntryRow } from '../components/event-log-entry.tsx';

/**
 * Settings → Event log: every delivery of the club's systems, newest first, accepted or
 * refused, each opening onto its data and what processing did. Filters live in the URL.
 */
export function EventLogPage(props: {
  timezone: string;
  filters: EventLogFilters;
  onFilters: (filters: EventLogFilters) => void;
}) {
  const { t } = useTranslation('clubEvents');
  const { filters } = props;
  const log = useEventLog(filters);
  const sources = useEventSources();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.sourceId || filters.type || filters.state);
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const set = (change: Partial<EventLogFilters>) => {
    const next = { ...filters, ...change };
    props.onFilters(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as EventLogFilters,
    );
  };

  return (
    <>
      <Text c="dimmed" size="sm" maw={620} mb="md">
        {t('log.intro')}
      </Text>
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('log.source')}
          placeholder={t('log.allSources')}
          data={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={filters.sourceId ?? null}
          onChange={(v) => set({ sourceId: v ?? undefined })}
          clearable
          w={220}
          data-testid="log-filter-source"
        />
        <Select
          label={t('log.type')}
          placeholder={t('log.allTypes')}
          data={CLUB_EVENT_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
          value={filters.type ?? null}
          onChange={(v) => set({ type: v ?? undefined })}
          clearable
          searchable
          w={220}
          data-testid="log-filter-type"
        />
        <SegmentedControl
          aria-label={t('log.stateFilter')}
          data={[
            { value: '', label: t('log.allStates') },
            { value: 'accepted', label: t('log.state.accepted') },
            { value: 'refused', label: t('log.state.refused') },
          ]}
          value={filters.state ?? ''}
          onChange={(v) => set({ state: (v || undefined) as EventLogFilters['state'] })}
          data-testid="log-filter-state"
        />
      </Group>
      {log.isPending && (
        <Stack gap="sm" aria-busy="true">
          <Skeleton h={58} />
          <Skeleton h={58} />
          <Skeleton h={58} w="70%" />
        </Stack>
      )}
      {log.isError && <QueryError error={log.error} onRetry={() => void log.refetch()} />}
      {log.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconListDetails size={28} />}
          title={filtered ? t('log.emptyFilteredTitle') : t('log.emptyTitle')}
          text={filtered ? t('log.emptyFilteredText') : t('log.emptyText')}
          {...(filtered
            ? { action: { label: t('log.clearFilters'), onClick: () => props.onFilters({}) } }
            : {})}
        />
      )}
      {items.length > 0 && (
        <Stack gap="xs" data-testid="event-log">
          {items.map((entry) => (
            <EventLogEntryRow
              key={entry.id}
              entry={entry}
              timeZone={props.timezone}
              open={open.has(entry.id)}
              onToggle={() => toggle(entry.id)}
            />
          ))}
        </Stack>
      )}
      {log.hasNextPage && (
        <Center mt="sm">
          <Button
            variant="subtle"
            loading={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
            data-testid="log-more"
          >
            {t('log.more')}
          </Button>
        </Center>
      )}
    </>
  );
}
