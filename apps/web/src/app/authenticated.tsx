import { IconCloudOff } from '@tabler/icons-react';
import { Outlet, lazyRouteComponent, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../components/full-page-loader.tsx';
import { MessagePage } from '../components/message-page.tsx';
import { useMe } from '../features/auth/index.ts';
import { setLocale } from '../lib/i18n.ts';
import { errorMessage } from '../lib/validation.ts';
import { AppLayout } from './app-layout.tsx';

const ChangePasswordPage = lazyRouteComponent(
  () => import('../features/auth/pages.ts'),
  'ChangePasswordPage',
);
const TwoStepPage = lazyRouteComponent(
  () => import('../features/two-step/pages.ts'),
  'TwoStepPage',
);

/**
 * Everything behind the login. The route's beforeLoad sends visitors to setup or login; this
 * covers a session that ends while the page is open (a 401 turns `me` into null).
 */
export function Authenticated() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = me.data ?? null;
  const navigate = useNavigate();
  const uiLocale = signedIn ? (signedIn.user.locale ?? signedIn.organization.locale) : null;
  const signedOut = me.isSuccess && !signedIn;

  useEffect(() => {
    if (uiLocale) void setLocale(uiLocale);
  }, [uiLocale]);

  useEffect(() => {
    // Runs once when the session goes away (logout, or a 401 turned `me` into null), not on
    // every render: a redirect during a render fires again while the router is on its way.
    if (signedOut) void navigate({ to: '/login', replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedOut]);

  if (me.isError) {
    return (
      <MessagePage
        icon={<IconCloudOff size={28} />}
        title={t('errors.loadFailed')}
        message={errorMessage(me.error)}
        action={{ label: t('actions.retry'), onClick: () => void me.refetch() }}
        fullHeight
      />
    );
  }
  if (!signedIn) return <FullPageLoader />;
  if (signedIn.user.mustChangePassword) return <ChangePasswordPage forced />;
  if (signedIn.user.twoStepSetupRequired) return <TwoStepPage forced />;
  return (
    <AppLayout me={signedIn}>
      <Outlet />
    </AppLayout>
  );
}
