import {
  Anchor,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Campaign, Me } from '@spotter/contracts';
import { IconArrowLeft, IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/validation.ts';
import type { PersonListSearch } from '../../contacts/index.ts';
import { useCampaign, useCampaignAction, type CampaignAction } from '../api/campaigns-api.ts';
import { audienceSearch, filterOnly } from '../campaign-audience.ts';
import { AudienceNumbers, CampaignAudience } from '../components/campaign-audience.tsx';
import { CampaignStateBadge, ChannelBadge } from '../components/campaign-badges.tsx';
import { CampaignRecipients } from '../components/campaign-recipients.tsx';
import { CampaignEditorPage } from './campaign-editor-page.tsx';

function BackLink() {
  const { t } = useTranslation('mailing');
  return (
    <Anchor component={Link} to="/mailing" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('campaigns.back')}
      </Group>
    </Anchor>
  );
}

/** /mailing/campaigns/new: a new campaign, its audience the persons list's filter it came with. */
export function NewCampaignPage(props: { me: Me; search: PersonListSearch }) {
  return (
    <Stack gap="xs">
      <BackLink />
      <CampaignEditorPage me={props.me} campaign={null} audience={filterOnly(props.search)} />
    </Stack>
  );
}

/** /mailing/campaigns/:id: a draft opens in the editor; once it is on its way, its progress. */
export function CampaignPage(props: { me: Me; id: string }) {
  const { t } = useTranslation('mailing');
  const campaign = useCampaign(props.id);
  return (
    <Stack gap="xs">
      <BackLink />
      {campaign.isPending && <SettingsSkeleton />}
      {campaign.isError &&
        (isApiError(campaign.error, 'not_found') ? (
          <Text data-testid="not-found">{t('campaigns.notFound')}</Text>
        ) : (
          <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />
        ))}
      {campaign.data &&
        (campaign.data.state === 'draft' ? (
          <CampaignEditorPage key={campaign.data.id} me={props.me} campaign={campaign.data} />
        ) : (
          <CampaignProgress me={props.me} campaign={campaign.data} />
        ))}
    </Stack>
  );
}

function CampaignProgress(props: { me: Me; campaign: Campaign }) {
  const { t, i18n } = useTranslation('mailing');
  const c = props.campaign;
  const action = useCampaignAction();
  const [cancelling, setCancelling] = useState(false);
  const tz = props.me.organization.timezone;
  const date = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: tz,
  });
  const num = new Intl.NumberFormat(i18n.language);
  const run = (kind: CampaignAction) =>
    action.mutate(
      { id: c.id, action: kind, version: c.version },
      {
        onSuccess: () => setCancelling(false),
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
      },
    );

  const { totals } = c;
  const pct = (n: number) => (totals.total > 0 ? (n / totals.total) * 100 : 0);
  const finished = totals.sent + totals.failed + totals.skipped + totals.unknown;
  const stats = [
    ['queued', totals.queued + totals.sending, 'gray'],
    ['sent', totals.sent, 'teal'],
    ['failed', totals.failed, 'red'],
    ['skipped', totals.skipped, 'gray'],
    ['unknown', totals.unknown, 'orange'],
  ] as const;
  const moments = [
    ['scheduledAt', c.scheduledAt],
    ['startedAt', c.startedAt],
    ['finishedAt', c.finishedAt],
  ] as const;
  const live = c.state === 'sending';
  const canCancel = c.state === 'scheduled' || c.state === 'sending' || c.state === 'paused';

  return (
    <Stack gap="md" data-testid="campaign-progress">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2}>{c.name}</Title>
            <CampaignStateBadge state={c.state} />
            <ChannelBadge channel={c.channel} />
          </Group>
          <Group gap="md">
            {moments.map(
              ([key, at]) =>
                at && (
                  <Text key={key} size="sm" c="dimmed">
                    {t(`campaigns.whenKinds.${key}`)}: {date.format(new Date(at))}
                  </Text>
                ),
            )}
          </Group>
        </Stack>
        <Group gap="sm">
          {c.state === 'sending' && (
            <Button
              variant="default"
              leftSection={<IconPlayerPause size={16} />}
              onClick={() => run('pause')}
              loading={action.isPending}
              data-testid="campaign-pause"
            >
              {t('campaigns.pause')}
            </Button>
          )}
          {c.state === 'paused' && (
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              onClick={() => run('resume')}
              loading={action.isPending}
              data-testid="campaign-resume"
            >
              {t('campaigns.resume')}
            </Button>
          )}
          {canCancel && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconX size={16} />}
              onClick={() => setCancelling(true)}
              data-testid="campaign-cancel"
            >
              {t('campaigns.cancel')}
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder radius="md" p="md" data-testid="campaign-totals">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>
            {t('campaigns.progress', {
              done: num.format(finished),
              total: num.format(totals.total),
            })}
          </Text>
          {live && (
            <Text size="xs" c="dimmed">
              {t('campaigns.live')}
            </Text>
          )}
        </Group>
        <Progress.Root size="lg" aria-label={t('campaigns.progressLabel')}>
          <Progress.Section value={pct(totals.sent)} color="teal" />
          <Progress.Section value={pct(totals.failed)} color="red" />
          <Progress.Section value={pct(totals.unknown)} color="orange" />
          <Progress.Section value={pct(totals.skipped)} color="gray" />
        </Progress.Root>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" mt="sm">
          {stats.map(([key, value, color]) => (
            <div key={key} data-testid={`total-${key}`}>
              <Text size="xs" c="dimmed">
                {t(`campaigns.recipientStates.${key}`)}
              </Text>
              <Text fw={700} c={value > 0 ? color : undefined} data-testid={`total-${key}-value`}>
                {num.format(value)}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>

      {c.audienceCounts && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('campaigns.countsAtStart')}
          </Text>
          <AudienceNumbers counts={c.audienceCounts} channel={c.channel} />
        </Stack>
      )}

      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('campaigns.sectionMessage')}
        </Title>
        {c.channel === 'email' ? (
          <Stack gap={2}>
            {c.variants.map((v) => (
              <Text key={v.locale} size="sm">
                <Text span c="dimmed">
                  {v.locale}:{' '}
                </Text>
                {v.subject}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.smsText}
          </Text>
        )}
        <Title order={4} mt="md" mb="sm">
          {t('campaigns.sectionFilter')}
        </Title>
        <CampaignAudience
          me={props.me}
          channel={c.channel}
          search={audienceSearch(c.audience)}
          onChange={() => {}}
          readOnly
        />
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('campaigns.recipients')}
        </Title>
        <CampaignRecipients
          campaignId={c.id}
          stamp={`${c.state}:${JSON.stringify(totals)}`}
          timezone={tz}
        />
      </Paper>

      <ConfirmDialog
        opened={cancelling}
        title={t('campaigns.cancelTitle')}
        message={t('campaigns.cancelText', { count: totals.queued + totals.sending })}
        confirmLabel={t('campaigns.cancel')}
        danger
        loading={action.isPending}
        onClose={() => setCancelling(false)}
        onConfirm={() => run('cancel')}
      />
    </Stack>
  );
}
