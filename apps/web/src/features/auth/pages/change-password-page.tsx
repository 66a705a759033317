import { Paper, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CenteredCard } from '../../../components/centered-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ChangePasswordForm } from '../components/change-password-form.tsx';
import { SignOutLink } from '../components/sign-out-link.tsx';

/**
 * `forced`: the first login with a temporary password — nothing else is reachable until the
 * user has chosen their own. Otherwise the ordinary page under the user menu.
 */
export function ChangePasswordPage(props: { forced?: boolean }) {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();

  if (props.forced) {
    return (
      <CenteredCard title={t('choosePasswordTitle')} subtitle={t('choosePasswordSubtitle')}>
        <ChangePasswordForm currentLabel={t('temporaryPassword')} />
        <SignOutLink />
      </CenteredCard>
    );
  }
  return (
    <>
      <PageHeader title={t('changePasswordTitle')} description={t('changePasswordSubtitle')} />
      <Paper withBorder p="lg" radius="md" maw={520}>
        <ChangePasswordForm onDone={() => void navigate({ to: '/' })} />
      </Paper>
      <Text size="xs" c="dimmed" mt="sm">
        {t('otherDevicesNote')}
      </Text>
    </>
  );
}
