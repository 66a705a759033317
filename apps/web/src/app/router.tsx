import { IconError404, IconMoodSad } from '@tabler/icons-react';
import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  notFound,
  redirect,
  useNavigate,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';
import { FullPageLoader } from '../components/full-page-loader.tsx';
import { MessagePage } from '../components/message-page.tsx';
// Only what route definitions need up front; every page arrives on demand (lazy-pages.ts).
import { meQuery } from '../features/auth/api/auth-api.ts';
import { setupStatusQuery } from '../features/setup/api/setup-api.ts';
import {
  companyListSearchSchema,
  personListSearchSchema,
} from '../features/contacts/list-search.ts';
import { taskBoardSearchSchema } from '../features/task-board/board-search.ts';
import { dealsSearchSchema, pipelineSearchSchema } from '../features/deals/deals-search.ts';
import { tasksSearchSchema } from '../features/tasks/tasks-search.ts';
import {
  forecastSearchSchema,
  retentionSearchSchema,
} from '../features/reports/forecast-search.ts';
import { crmReportSearchSchema } from '../features/reports/crm-search.ts';
import { funnelSearchSchema, leadSourcesSearchSchema } from '../features/reports/funnel-search.ts';
import type { DealListKind, LookupKind } from '@spotter/contracts';
import { LOOKUP_KINDS } from '@spotter/contracts/enums';
import { loadSignedInTexts } from '../lib/i18n.ts';
import { safeRedirect } from '../lib/safe-redirect.ts';
import { id, lenient, text } from '../lib/search-params.ts';
import { queryClient } from './providers.tsx';
import { landingPath } from './landing.ts';
import { useSignedInMe } from './signed-in.ts';
import {
  ApiTokensPage,
  Authenticated,
  BackgroundJobsPage,
  BackupPage,
  BranchesPage,
  GroupsPage,
  ChangePasswordPage,
  CompaniesListPage,
  CompanyCreatePage,
  CompanyPage,
  ConnectedSystemsPage,
  LeadFormsPage,
  ControlPage,
  CrmSettingsPage,
  CustomFieldsPage,
  DealListsPage,
  DealPage,
  DealsListPage,
  DictionariesPage,
  EventLogPage,
  ImportPage,
  LoginPage,
  LookupsPage,
  OrganizationPage,
  PersonCreatePage,
  PersonPage,
  PersonsListPage,
  PipelinePage,
  PipelinesSettingsPage,
  ForecastPage,
  RetentionPage,
  ReportsLayout,
  CrmReportPage,
  FunnelPage,
  LeadSourcesPage,
  SettingsLayout,
  SetupPage,
  StartPage,
  StatusesPage,
  TaskBoardPage,
  TaskPage,
  TaskStatusesPage,
  TaskTemplatesPage,
  TasksPage,
  TrashPage,
  TwoStepPage,
  UsersPage,
  WebhooksPage,
  MailSettingsPage,
  SmsSettingsPage,
  MailTemplatesPage,
  MailingLayout,
  CampaignsPage,
  CampaignPage,
  NewCampaignPage,
} from './lazy-pages.ts';

const isLookupKind = (kind: string): kind is LookupKind =>
  (LOOKUP_KINDS as readonly string[]).includes(kind);

// The contracts' DEAL_LIST_KINDS, spelled here: the router is in every page's first download,
// and the contracts' index would bring zod's chained API with it.
const DEAL_LIST_KINDS: readonly DealListKind[] = ['lost-reasons', 'types'];
const isDealListKind = (kind: string): kind is DealListKind =>
  (DEAL_LIST_KINDS as readonly string[]).includes(kind);

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
    // The first-run page's texts come with the app's, which its owner is about to open.
    await loadSignedInTexts();
  },
  pendingComponent: FullPageLoader,
  component: SetupPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: z.object({ redirect: lenient(text(2000)) }),
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
    // The signed-in app's texts arrive before its first page renders; the login page has none.
    if (me) return loadSignedInTexts();
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (status.needed) throw redirect({ to: '/setup', replace: true });
    const here = location.href;
    throw redirect({ to: '/login', search: here === '/' ? {} : { redirect: here }, replace: true });
  },
  pendingComponent: FullPageLoader,
  component: Authenticated,
});

// Any other address is "not found" inside the layout, so the menu is one click away (signed
// out, the app route sends to login first, as for every page).
const appNotFoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFound,
});

// After logging in and after setup, staff land where their work is (see landing.ts).
const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    throw redirect({ to: me ? landingPath(me) : '/login', replace: true });
  },
});

const startRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/start',
  component: function StartRoute() {
    return <StartPage me={useSignedInMe()} />;
  },
});

const passwordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/password',
  component: function PasswordRoute() {
    return <ChangePasswordPage />;
  },
});

const twoStepRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/two-step',
  component: function TwoStepRoute() {
    return <TwoStepPage />;
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

const settingsGroupsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/groups',
  component: GroupsPage,
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

// ---------------------------------------------------------------- contacts (issue 3)

const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons',
  validateSearch: personListSearchSchema,
  component: function PersonsRoute() {
    return <PersonsListPage me={useSignedInMe()} search={personsRoute.useSearch()} />;
  },
});

const personCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/new',
  validateSearch: z.object({ companyId: lenient(id) }),
  component: function PersonCreateRoute() {
    return (
      <PersonCreatePage me={useSignedInMe()} companyId={personCreateRoute.useSearch().companyId} />
    );
  },
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/$personId',
  component: function PersonRoute() {
    return <PersonPage me={useSignedInMe()} id={personRoute.useParams().personId} />;
  },
});

const companiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies',
  validateSearch: companyListSearchSchema,
  component: function CompaniesRoute() {
    return <CompaniesListPage me={useSignedInMe()} search={companiesRoute.useSearch()} />;
  },
});

const companyCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies/new',
  component: function CompanyCreateRoute() {
    return <CompanyCreatePage me={useSignedInMe()} />;
  },
});

const companyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies/$companyId',
  component: function CompanyRoute() {
    return <CompanyPage me={useSignedInMe()} id={companyRoute.useParams().companyId} />;
  },
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/import',
  validateSearch: z.object({ id: lenient(id) }),
  component: function ImportRoute() {
    return <ImportPage me={useSignedInMe()} importId={importRoute.useSearch().id} />;
  },
});

const trashRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trash',
  component: function TrashRoute() {
    return <TrashPage me={useSignedInMe()} />;
  },
});

const settingsStatusesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/statuses',
  component: StatusesPage,
});

const settingsLookupsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/lists/$kind',
  params: {
    // An unknown list (a typo such as /lists/tag) is a page that does not exist, not a crash.
    parse: (p: { kind: string }) => ({ kind: isLookupKind(p.kind) ? p.kind : null }),
    stringify: (p: { kind: string | null }) => ({ kind: p.kind ?? '' }),
  },
  // Thrown in the loader and caught by this route, so the page shows inside the settings.
  loader: ({ params }) => {
    if (!params.kind) throw notFound();
  },
  notFoundComponent: NotFound,
  component: function LookupsRoute() {
    const { kind } = settingsLookupsRoute.useParams();
    return kind && <LookupsPage kind={kind} />;
  },
});

const settingsCustomFieldsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/custom-fields',
  component: function CustomFieldsRoute() {
    return <CustomFieldsPage me={useSignedInMe()} />;
  },
});

const settingsCrmRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/crm',
  component: CrmSettingsPage,
});

// ---------------------------------------------------------------- tasks and the board (issue 4)

const taskBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/board',
  validateSearch: taskBoardSearchSchema,
  component: function TaskBoardRoute() {
    return <TaskBoardPage me={useSignedInMe()} search={taskBoardRoute.useSearch()} />;
  },
});

const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks',
  validateSearch: tasksSearchSchema,
  component: function TasksRoute() {
    return <TasksPage me={useSignedInMe()} search={tasksRoute.useSearch()} />;
  },
});

const controlRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/control',
  component: function ControlRoute() {
    return <ControlPage me={useSignedInMe()} />;
  },
});

const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/$taskId',
  component: function TaskRoute() {
    return <TaskPage me={useSignedInMe()} taskId={taskRoute.useParams().taskId} />;
  },
});

const settingsTaskTemplatesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/task-templates',
  component: function TaskTemplatesRoute() {
    return <TaskTemplatesPage me={useSignedInMe()} />;
  },
});

const settingsTaskStatusesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/task-statuses',
  component: TaskStatusesPage,
});

const settingsDictionariesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/dictionaries',
  component: DictionariesPage,
});

// ---------------------------------------------------------------- background jobs (issue 9)

const settingsJobsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/jobs',
  component: function JobsRoute() {
    return <BackgroundJobsPage timezone={useSignedInMe().organization.timezone} />;
  },
});

// ---------------------------------------------------------------- backup (issue 10)

const settingsBackupRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/backup',
  component: BackupPage,
});

// ---------------------------------------------------------------- connected systems (issue 12)

const settingsConnectedSystemsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/connected-systems',
  component: function ConnectedSystemsRoute() {
    const { organization } = useSignedInMe();
    return (
      <ConnectedSystemsPage timezone={organization.timezone} currency={organization.currency} />
    );
  },
});

// ---------------------------------------------------------------- lead forms (issue 13)

const settingsLeadFormsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/lead-forms',
  component: function LeadFormsRoute() {
    return <LeadFormsPage orgLocale={useSignedInMe().organization.locale} />;
  },
});

const eventLogSearchSchema = z.object({
  sourceId: lenient(id),
  type: lenient(text(100)),
  state: lenient(z.enum(['accepted', 'refused'])),
});

const settingsEventLogRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/event-log',
  validateSearch: eventLogSearchSchema,
  component: function EventLogRoute() {
    const navigate = useNavigate();
    return (
      <EventLogPage
        timezone={useSignedInMe().organization.timezone}
        filters={settingsEventLogRoute.useSearch()}
        onFilters={(search) => void navigate({ to: '/settings/event-log', search, replace: true })}
      />
    );
  },
});

// ---------------------------------------------------------------- webhooks (issue 13)

const settingsWebhooksRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/webhooks',
  component: function WebhooksRoute() {
    return <WebhooksPage timezone={useSignedInMe().organization.timezone} />;
  },
});

// ---------------------------------------------------------------- mailing (issue 16)

const settingsMailRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/mail',
  component: function MailSettingsRoute() {
    return <MailSettingsPage myEmail={useSignedInMe().user.email} />;
  },
});

const settingsSmsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/sms',
  component: SmsSettingsPage,
});

// Mailing: campaigns (the default tab) and templates; a campaign has a page of its own.
const mailingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mailing',
  component: function MailingRoute() {
    return <MailingLayout allowed={useSignedInMe().permissions.includes('mailing.manage')} />;
  },
});

const mailingCampaignsRoute = createRoute({
  getParentRoute: () => mailingRoute,
  path: '/',
  component: function CampaignsRoute() {
    return <CampaignsPage timezone={useSignedInMe().organization.timezone} />;
  },
});

const mailTemplatesRoute = createRoute({
  getParentRoute: () => mailingRoute,
  path: '/templates',
  component: function MailTemplatesRoute() {
    const me = useSignedInMe();
    return (
      <MailTemplatesPage locale={me.organization.locale} timezone={me.organization.timezone} />
    );
  },
});

// A new campaign's audience arrives as the persons list's filter (its URL search).
const campaignNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mailing/campaigns/new',
  validateSearch: personListSearchSchema,
  component: function NewCampaignRoute() {
    return <NewCampaignPage me={useSignedInMe()} search={campaignNewRoute.useSearch()} />;
  },
});

const campaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mailing/campaigns/$campaignId',
  component: function CampaignRoute() {
    return <CampaignPage me={useSignedInMe()} id={campaignRoute.useParams().campaignId} />;
  },
});

// ---------------------------------------------------------------- sales pipeline (issue 14)

const pipelineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pipeline',
  validateSearch: pipelineSearchSchema,
  component: function PipelineRoute() {
    return <PipelinePage me={useSignedInMe()} search={pipelineRoute.useSearch()} />;
  },
});

const dealsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals',
  validateSearch: dealsSearchSchema,
  component: function DealsRoute() {
    return <DealsListPage me={useSignedInMe()} search={dealsRoute.useSearch()} />;
  },
});

const dealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals/$dealId',
  component: function DealRoute() {
    return <DealPage me={useSignedInMe()} dealId={dealRoute.useParams().dealId} />;
  },
});

const settingsPipelinesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/pipelines',
  component: PipelinesSettingsPage,
});

const settingsDealListsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/deal-lists/$kind',
  params: {
    parse: (p: { kind: string }) => ({ kind: isDealListKind(p.kind) ? p.kind : null }),
    stringify: (p: { kind: string | null }) => ({ kind: p.kind ?? '' }),
  },
  loader: ({ params }) => {
    if (!params.kind) throw notFound();
  },
  notFoundComponent: NotFound,
  component: function DealListsRoute() {
    const { kind } = settingsDealListsRoute.useParams();
    return kind && <DealListsPage kind={kind} />;
  },
});

// ---------------------------------------------------------------- reports (issue 15)

const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  component: function ReportsRoute() {
    return <ReportsLayout allowed={useSignedInMe().permissions.includes('reports.read')} />;
  },
});

const reportsIndexRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/reports/crm', replace: true });
  },
});

const reportsCrmRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: '/crm',
  validateSearch: crmReportSearchSchema,
  component: function CrmReportRoute() {
    const navigate = useNavigate();
    return (
      <CrmReportPage
        search={reportsCrmRoute.useSearch()}
        onSearch={(search) => void navigate({ to: '/reports/crm', search, replace: true })}
      />
    );
  },
});

const reportsFunnelRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: '/funnel',
  validateSearch: funnelSearchSchema,
  component: function ReportsFunnelRoute() {
    const me = useSignedInMe();
    return (
      <FunnelPage
        search={reportsFunnelRoute.useSearch()}
        canConfigure={me.permissions.includes('settings.manage')}
      />
    );
  },
});

const reportsSourcesRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: '/sources',
  validateSearch: leadSourcesSearchSchema,
  component: function ReportsSourcesRoute() {
    return <LeadSourcesPage search={reportsSourcesRoute.useSearch()} />;
  },
});

const forecastRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: '/forecast',
  validateSearch: forecastSearchSchema,
  component: function ForecastRoute() {
    return <ForecastPage me={useSignedInMe()} search={forecastRoute.useSearch()} />;
  },
});

const retentionRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: '/retention',
  validateSearch: retentionSearchSchema,
  component: function RetentionRoute() {
    return <RetentionPage me={useSignedInMe()} search={retentionRoute.useSearch()} />;
  },
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    startRoute,
    appNotFoundRoute,
    passwordRoute,
    twoStepRoute,
    personsRoute,
    personCreateRoute,
    personRoute,
    companiesRoute,
    companyCreateRoute,
    companyRoute,
    importRoute,
    trashRoute,
    taskBoardRoute,
    tasksRoute,
    controlRoute,
    taskRoute,
    pipelineRoute,
    mailingRoute.addChildren([mailingCampaignsRoute, mailTemplatesRoute]),
    campaignNewRoute,
    campaignRoute,
    dealsRoute,
    dealRoute,
    reportsRoute.addChildren([
      reportsIndexRoute,
      reportsCrmRoute,
      reportsFunnelRoute,
      reportsSourcesRoute,
      forecastRoute,
      retentionRoute,
    ]),
    settingsRoute.addChildren([
      settingsIndexRoute,
      settingsOrganizationRoute,
      settingsBranchesRoute,
      settingsGroupsRoute,
      settingsUsersRoute,
      settingsTokensRoute,
      settingsStatusesRoute,
      settingsLookupsRoute,
      settingsCustomFieldsRoute,
      settingsCrmRoute,
      settingsTaskTemplatesRoute,
      settingsTaskStatusesRoute,
      settingsDictionariesRoute,
      settingsJobsRoute,
      settingsBackupRoute,
      settingsConnectedSystemsRoute,
      settingsEventLogRoute,
      settingsLeadFormsRoute,
      settingsWebhooksRoute,
      settingsMailRoute,
      settingsSmsRoute,
      settingsPipelinesRoute,
      settingsDealListsRoute,
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
