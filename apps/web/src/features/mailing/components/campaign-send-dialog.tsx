import { Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import type { CampaignChannel } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toFilter, type PersonListSearch } from '../../contacts/index.ts';
import { fromZonedWall, WallDateTimeInput } from '../../tasks/index.ts';
import { useAudienceCounts } from '../api/campaigns-api.ts';

/**
 * The last question before a campaign goes: how many it reaches, now or at a time on the
 * club's clock (whatever zone this device is in).
 */
export function CampaignSendDialog(props: {
  mode: 'now' | 'schedule';
  channel: CampaignChannel;
  audience: PersonListSearch;
  timezone: string;
  loading: boolean;
  onClose: () => void;
  onConfirm: (at: string | null) => void;
}) {
  const { t, i18n } = useTranslation('mailing');
  const counts = useAudienceCounts({
    channel: props.channel,
    audience: toFilter(props.audience) as Record<string, unknown>,
  });
  const [wall, setWall] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // What goes out: one message per person, a guardian of several matched children once.
  const reachable = counts.data?.messages;
  const num = new Intl.NumberFormat(i18n.language);

  const confirm = () => {
    if (props.mode === 'now') return props.onConfirm(null);
    const at = fromZonedWall(wall, props.timezone);
    if (!at) return setError(t('campaigns.scheduleRequired'));
    if (new Date(at).getTime() <= Date.now()) return setError(t('campaigns.scheduleFuture'));
    props.onConfirm(at);
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.mode === 'now' ? t('campaigns.confirmNowTitle') : t('campaigns.scheduleTitle')}
      centered
    >
      <Stack gap="sm">
        {reachable === undefined ? (
          <Loader size="sm" />
        ) : (
          <Text data-testid="send-confirm-count">
            {t(props.mode === 'now' ? 'campaigns.confirmNow' : 'campaigns.confirmSchedule', {
              count: reachable,
              formatted: num.format(reachable),
            })}
          </Text>
        )}
        {props.mode === 'schedule' && (
          <WallDateTimeInput
            label={t('campaigns.scheduleAt')}
            description={t('campaigns.scheduleZone', { zone: props.timezone })}
            value={wall}
            onChange={(v) => {
              setWall(v);
              setError(null);
            }}
            error={error}
            required
            testId="campaign-schedule-at"
          />
        )}
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={props.onClose} data-autofocus>
          {t('common:actions.cancel')}
        </Button>
        <Button
          onClick={confirm}
          loading={props.loading}
          disabled={reachable === undefined || reachable === 0}
          data-testid="confirm"
        >
          {props.mode === 'now' ? t('campaigns.sendNow') : t('campaigns.schedule')}
        </Button>
      </Group>
    </Modal>
  );
}
