import { Badge } from '@mantine/core';
import type { CampaignChannel, CampaignState, RecipientState } from '@spotter/contracts';
import { IconMail, IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const STATE_COLORS: Record<CampaignState, string> = {
  draft: 'gray',
  scheduled: 'blue',
  sending: 'yellow',
  paused: 'orange',
  done: 'teal',
  cancelled: 'red',
};

const RECIPIENT_COLORS: Record<RecipientState, string> = {
  queued: 'gray',
  sending: 'yellow',
  sent: 'teal',
  failed: 'red',
  skipped: 'gray',
  unknown: 'orange',
};

export function CampaignStateBadge(props: { state: CampaignState }) {
  const { t } = useTranslation('mailing');
  return (
    <Badge variant="light" color={STATE_COLORS[props.state]} data-testid="campaign-state">
      {t(`campaigns.states.${props.state}`)}
    </Badge>
  );
}

export function RecipientStateBadge(props: { state: RecipientState }) {
  const { t } = useTranslation('mailing');
  return (
    <Badge variant="light" color={RECIPIENT_COLORS[props.state]} data-testid="recipient-state">
      {t(`campaigns.recipientStates.${props.state}`)}
    </Badge>
  );
}

export function ChannelBadge(props: { channel: CampaignChannel }) {
  const { t } = useTranslation('mailing');
  const Icon = props.channel === 'email' ? IconMail : IconMessage;
  return (
    <Badge variant="outline" color="gray" leftSection={<Icon size={12} />}>
      {t(`campaigns.channels.${props.channel}`)}
    </Badge>
  );
}
