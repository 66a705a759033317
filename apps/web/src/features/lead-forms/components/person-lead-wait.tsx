import { Badge } from '@mantine/core';
import { IconPhoneCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLeadWait } from '../api/lead-forms-api.ts';
import { formatWaited } from './waited.ts';
import { WaitingBadge } from './waiting-badge.tsx';

/**
 * The person page's speed to lead: "waiting 2 hr 5 min" while a lead form submission waits
 * for a first contact, else how long the last one took. Nothing for persons who never sent one.
 */
export function PersonLeadWait(props: { personId: string; timeZone?: string }) {
  const { t, i18n } = useTranslation('speedToLead');
  const wait = useLeadWait(props.personId);
  if (!wait.data) return null;
  if (wait.data.waitingSince) {
    return <WaitingBadge since={wait.data.waitingSince} timeZone={props.timeZone} />;
  }
  const last = wait.data.lastAnswered;
  if (!last) return null;
  return (
    <Badge
      size="sm"
      variant="light"
      color="teal"
      tt="none"
      leftSection={<IconPhoneCheck size={12} />}
      data-testid="first-contact-badge"
    >
      {t('answeredIn', { time: formatWaited(last.seconds * 1000, i18n.language) })}
    </Badge>
  );
}
