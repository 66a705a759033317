import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TwoStepStatus } from '@spotter/contracts';
import { IconInfoCircle, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredCard } from '../../../components/centered-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { SignOutLink } from '../../auth/index.ts';
import { useDisableTwoStep, useRenewRecoveryCodes, useTwoStepStatus } from '../api/two-step-api.ts';
import { ProofModal } from '../components/proof-modal.tsx';
import { RecoveryCodesView } from '../components/recovery-codes-view.tsx';
import { SetupFlow } from '../components/setup-flow.tsx';

/**
 * `forced`: the organization requires two-step for this user's role and it is not on yet —
 * nothing else is reachable until it is. Otherwise the page under the user menu.
 */
export function TwoStepPage(props: { forced?: boolean }) {
  const { t } = useTranslation('twoStep');

  if (props.forced) {
    return (
      <CenteredCard title={t('forced.title')} subtitle={t('forced.subtitle')} width={480}>
        <SetupFlow />
        <SignOutLink />
      </CenteredCard>
    );
  }
  return (
    <>
      <PageHeader title={t('title')} description={t('subtitle')} />
      <StatusCard />
    </>
  );
}

function StatusCard() {
  const status = useTwoStepStatus();
  if (status.isPending) return <SettingsSkeleton />;
  if (status.isError) {
    return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  }
  return (
    <Paper withBorder p="lg" radius="md" maw={560}>
      {status.data.enabled ? <EnabledView status={status.data} /> : <DisabledView />}
    </Paper>
  );
}

function DisabledView() {
  const { t } = useTranslation('twoStep');
  const [settingUp, setSettingUp] = useState(false);
  if (settingUp) return <SetupFlow onDone={() => setSettingUp(false)} />;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge color="gray" variant="light" data-testid="two-step-state">
          {t('state.off')}
        </Badge>
      </Group>
      <Text size="sm">{t('intro')}</Text>
      <Group>
        <Button onClick={() => setSettingUp(true)} data-testid="two-step-start">
          {t('setup.start')}
        </Button>
      </Group>
    </Stack>
  );
}

function EnabledView({ status }: { status: TwoStepStatus }) {
  const { t, i18n } = useTranslation('twoStep');
  const disable = useDisableTwoStep();
  const renew = useRenewRecoveryCodes();
  const [asking, setAsking] = useState<'disable' | 'renew' | null>(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const since = status.enabledAt
    ? new Date(status.enabledAt).toLocaleDateString(i18n.language, { dateStyle: 'medium' })
    : null;

  return (
    <Stack gap="md">
      <Group gap="xs">
        <IconShieldCheck size={22} color="var(--mantine-color-teal-6)" />
        <Badge color="teal" variant="light" data-testid="two-step-state">
          {t('state.on')}
        </Badge>
        {since && (
          <Text size="sm" c="dimmed">
            {t('state.since', { date: since })}
          </Text>
        )}
      </Group>
      <Text size="sm" data-testid="codes-left">
        {t('codes.left', { count: status.recoveryCodesLeft })}
      </Text>
      {status.required && (
        <Alert color="blue" icon={<IconInfoCircle size={18} />}>
          {t('requiredNote')}
        </Alert>
      )}
      <Group>
        <Button variant="default" onClick={() => setAsking('renew')} data-testid="codes-renew">
          {t('codes.renew')}
        </Button>
        {!status.required && (
          <Button
            color="red"
            variant="light"
            onClick={() => setAsking('disable')}
            data-testid="two-step-disable"
          >
            {t('disable.action')}
          </Button>
        )}
      </Group>
      {asking === 'disable' && (
        <ProofModal
          title={t('disable.title')}
          text={t('disable.text')}
          confirmLabel={t('disable.action')}
          danger
          loading={disable.isPending}
          error={disable.error}
          onSubmit={(proof) =>
            disable.mutate(proof, {
              onSuccess: () => {
                setAsking(null);
                notifications.show({ color: 'teal', message: t('disable.done') });
              },
            })
          }
          onClose={() => {
            disable.reset();
            setAsking(null);
          }}
        />
      )}
      {asking === 'renew' && (
        <ProofModal
          title={t('codes.renewTitle')}
          text={t('codes.renewText')}
          confirmLabel={t('codes.renew')}
          loading={renew.isPending}
          error={renew.error}
          onSubmit={(proof) =>
            renew.mutate(proof, {
              onSuccess: (r) => {
                setAsking(null);
                setNewCodes(r.recoveryCodes);
              },
            })
          }
          onClose={() => {
            renew.reset();
            setAsking(null);
          }}
        />
      )}
      {newCodes && (
        <Modal opened onClose={() => setNewCodes(null)} title={t('codes.renewTitle')} centered>
          <RecoveryCodesView codes={newCodes} onDone={() => setNewCodes(null)} />
        </Modal>
      )}
    </Stack>
  );
}
