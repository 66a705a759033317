import { Badge, Tooltip } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { formatWaited, LONG_WAIT_MS } from './waited.ts';

/** The current time, moving on every half minute: enough for "waiting 2 hr 5 min". */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * Speed to lead: how long the person has waited for a first contact since their lead form
 * submission (decision 0029). Orange, then red past an hour.
 */
export function WaitingBadge(props: { since: string; timeZone?: string; size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation('speedToLead');
  const now = useMinuteClock();
  const waited = now - new Date(props.since).getTime();
  const text = t('waiting', { time: formatWaited(waited, i18n.language) });
  return (
    <Tooltip
      label={t('waitingSince', { date: formatDateTime(props.since, props.timeZone) })}
      withArrow
    >
      <Badge
        size={props.size ?? 'sm'}
        variant="light"
        color={waited >= LONG_WAIT_MS ? 'red' : 'orange'}
        tt="none"
        leftSection={<IconHourglassHigh size={12} />}
        data-testid="waiting-badge"
      >
        {text}
      </Badge>
    </Tooltip>
  );
}
