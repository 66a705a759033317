import { IconError404, IconMoodSad } from '@tabler/icons-react';
import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  redirect,
  useNavigate,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FullPageLoader } from '../components/full-page-loader.tsx';
import { MessagePage } from '../components/message-page.tsx';
import { ChangePasswordPage, LoginPage, meQuery } from '../features/auth/index.ts';
import { HomePage } from '../features/home/index.ts';
import {
  ApiTokensPage,
  BranchesPage,
  OrganizationPage,
  SettingsLayout,
  UsersPage,
} from '../features/settings/index.ts';
import { SetupPage, setupStatusQuery } from '../features/setup/index.ts';
import { safeRedirect } from '../lib/safe-redirect.ts';
import { queryClient } from './providers.tsx';
import { Authenticated, useSignedInMe } from './authenticated.tsx';

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <MessagePage
      icon={<IconError404 size={28} />}
      title={t('notFound.title')}
      message={t('notFound.text')}
      action={{ label: t('actions.goHome'), onClick: () => void navigate({ to: '/' }) }}
      testId="not-found"
    />
  );
}

function Crashed() {
  const { t } = useTranslation();
  return (
    <MessagePage
      icon={<IconMoodSad size={28} />}
      title={t('errors.crashedTitle')}
      message={t('errors.crashedText')}
      action={{ label: t('actions.reload'), onClick: () => window.location.reload() }}
      fullHeight
    />
  );
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: Crashed,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (!status.needed) throw redirect({ to: '/login', replace: true });
  },
  pendingComponent: FullPageLoader,
  component: SetupPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: z.object({ redirect: z.string().max(2000).optional().catch(undefined) }),
  beforeLoad: async ({ context, search }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (status.needed) throw redirect({ to: '/setup', replace: true });
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ href: safeRedirect(search.redirect), replace: true });
  },
  pendingComponent: FullPageLoader,
  component: function LoginRoute() {
    const { redirect: target } = loginRoute.useSearch();
    return <LoginPage redirect={safeRedirect(target)} />;
  },
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) return;
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (status.needed) throw redirect({ to: '/setup', replace: true });
    const here = location.href;
    throw redirect({ to: '/login', search: here === '/' ? {} : { redirect: here }, replace: true });
  },
  pendingComponent: FullPageLoader,
  component: Authenticated,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: function HomeRoute() {
    return <HomePage me={useSignedInMe()} />;
  },
});

const passwordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/password',
  component: function PasswordRoute() {
    return <ChangePasswordPage />;
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: function SettingsRoute() {
    const me = useSignedInMe();
    return <SettingsLayout allowed={me.permissions.includes('settings.manage')} />;
  },
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/settings/organization', replace: true });
  },
});

const settingsOrganizationRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/organization',
  component: OrganizationPage,
});

const settingsBranchesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/branches',
  component: BranchesPage,
});

const settingsUsersRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/users',
  component: function UsersRoute() {
    return <UsersPage currentUserId={useSignedInMe().user.id} />;
  },
});

const settingsTokensRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/api-tokens',
  component: function TokensRoute() {
    return <ApiTokensPage timezone={useSignedInMe().organization.timezone} />;
  },
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    passwordRoute,
    settingsRoute.addChildren([
      settingsIndexRoute,
      settingsOrganizationRoute,
      settingsBranchesRoute,
      settingsUsersRoute,
      settingsTokensRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: false,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
