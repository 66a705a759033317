import { Anchor, Group } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/auth-api.ts';

/** The way out of a page that must be finished before anything else (a forced step). */
export function SignOutLink() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Group justify="center" mt="lg">
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() =>
          logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })
        }
      >
        {t('logout')}
      </Anchor>
    </Group>
  );
}
