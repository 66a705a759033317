import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Organization } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { errorMessage } from '../../../lib/validation.ts';
import { useMe } from '../../auth/index.ts';
import { useUpdateOrganization } from '../api/organization-api.ts';

/**
 * Whether owners and admins must sign in with two steps. The owners' call: admins see it
 * without changing it. Saved at once, after a warning when it is turned on.
 */
export function TwoStepPolicy({ organization }: { organization: Organization }) {
  const { t } = useTranslation('settings');
  const me = useMe();
  const update = useUpdateOrganization();
  const [confirming, setConfirming] = useState(false);
  const isOwner = me.data?.user.role === 'owner';

  const save = (twoStepRequired: boolean) =>
    update.mutate(
      { version: organization.version, twoStepRequired },
      {
        onSuccess: () => {
          setConfirming(false);
          notifications.show({ color: 'teal', message: t('organization.saved') });
        },
        onError: (err) => {
          setConfirming(false);
          notifications.show({ color: 'red', message: errorMessage(err) });
        },
      },
    );

  return (
    <Paper withBorder p="lg" radius="md" maw={760} mt="lg">
      <Stack gap="sm">
        <Title order={4}>{t('twoStep.title')}</Title>
        <Switch
          label={t('twoStep.require')}
          description={isOwner ? t('twoStep.requireHint') : t('twoStep.ownerOnly')}
          checked={organization.twoStepRequired}
          disabled={!isOwner || update.isPending}
          onChange={(e) => (e.currentTarget.checked ? setConfirming(true) : save(false))}
          data-testid="require-two-step"
        />
        <Text size="xs" c="dimmed">
          {t('twoStep.tokensNote')}
        </Text>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('twoStep.confirmTitle')}
        message={t('twoStep.confirmText')}
        confirmLabel={t('twoStep.confirm')}
        loading={update.isPending}
        onConfirm={() => save(true)}
        onClose={() => setConfirming(false)}
      />
    </Paper>
  );
}
