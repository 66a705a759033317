import { Badge, Text, Tooltip } from '@mantine/core';
import type { DueState } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/index.ts';
import { formatDateTime } from '../../../lib/format.ts';

/** T-7's colours: overdue red, due today blue, later neutral. */
const COLORS: Record<DueState, { color: string; variant: 'filled' | 'light' | 'default' }> = {
  overdue: { color: 'red', variant: 'filled' },
  today: { color: 'blue', variant: 'filled' },
  later: { color: 'gray', variant: 'default' },
};

/** A compact due time in the club's zone: the day only when it is not this year. */
export function formatDue(iso: string, locale: string, timeZone: string, now = new Date()) {
  const at = new Date(iso);
  const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone });
  const sameYear = year.format(at) === year.format(now);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);
}

/** When a task is due, coloured by how urgent it is; the full date on hover. */
export function DueBadge(props: { dueAt: string | null; dueState: DueState | null }) {
  const { t, i18n } = useTranslation('tasks');
  const timeZone = useMe().data?.organization.timezone ?? 'UTC';
  if (!props.dueAt) {
    return (
      <Text size="sm" c="dimmed" data-testid="due-none">
        {t('due.none')}
      </Text>
    );
  }
  const look = props.dueState
    ? COLORS[props.dueState]
    : { color: 'gray', variant: 'light' as const };
  const state = props.dueState ? t(`due.state.${props.dueState}`) : t('due.state.done');
  return (
    <Tooltip label={`${state}: ${formatDateTime(props.dueAt, timeZone)}`} withArrow>
      <Badge
        color={look.color}
        variant={look.variant}
        radius="sm"
        tt="none"
        fw={600}
        style={{ whiteSpace: 'nowrap' }}
        data-testid="due-badge"
        data-due-state={props.dueState ?? 'none'}
        aria-label={`${state}: ${formatDateTime(props.dueAt, timeZone)}`}
      >
        {formatDue(props.dueAt, i18n.language, timeZone)}
      </Badge>
    </Tooltip>
  );
}
