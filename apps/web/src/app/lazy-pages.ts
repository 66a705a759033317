import { lazyRouteComponent } from '@tanstack/react-router';
import { withMoreTexts } from '../lib/i18n.ts';

/**
 * Every page of the app, each feature's pages in a chunk of their own that the browser fetches
 * when a route first needs it: the login page does not download the CRM, and the board does not
 * download the settings. Pages other than the board, the lists and the start page fetch their
 * texts beside their code (`withMoreTexts`). Only files in app/ may import a feature's
 * `pages.ts`, and only here, dynamically (`npm run check:deps` refuses a static import).
 */
const auth = () => import('../features/auth/pages.ts');
const setup = withMoreTexts(() => import('../features/setup/pages.ts'));
const home = () => import('../features/home/pages.ts');
const settings = withMoreTexts(() => import('../features/settings/pages.ts'));
const contacts = () => import('../features/contacts/pages.ts');
const card = withMoreTexts(() => import('../features/contact-card/pages.ts'));
const crm = withMoreTexts(() => import('../features/crm/pages.ts'));
const imports = withMoreTexts(() => import('../features/imports/pages.ts'));
const jobs = withMoreTexts(() => import('../features/jobs/pages.ts'));
const backup = withMoreTexts(() => import('../features/backup/pages.ts'));
const board = () => import('../features/task-board/pages.ts');
const tasks = withMoreTexts(() => import('../features/tasks/pages.ts'));
const taskSettings = withMoreTexts(() => import('../features/task-settings/pages.ts'));
const twoStep = () => import('../features/two-step/pages.ts');
const clubEvents = withMoreTexts(() => import('../features/club-events/pages.ts'));
const leadForms = withMoreTexts(() => import('../features/lead-forms/pages.ts'));
const webhooks = withMoreTexts(() => import('../features/webhooks/pages.ts'));
const deals = withMoreTexts(() => import('../features/deals/pages.ts'));
const mailing = withMoreTexts(() => import('../features/mailing/pages.ts'));
const reports = withMoreTexts(() => import('../features/reports/pages.ts'));

export const Authenticated = lazyRouteComponent(
  () => import('./authenticated.tsx'),
  'Authenticated',
);
export const LoginPage = lazyRouteComponent(auth, 'LoginPage');
export const ChangePasswordPage = lazyRouteComponent(auth, 'ChangePasswordPage');
export const SetupPage = lazyRouteComponent(setup, 'SetupPage');
export const StartPage = lazyRouteComponent(home, 'StartPage');
export const SettingsLayout = lazyRouteComponent(settings, 'SettingsLayout');
export const OrganizationPage = lazyRouteComponent(settings, 'OrganizationPage');
export const BranchesPage = lazyRouteComponent(settings, 'BranchesPage');
export const GroupsPage = lazyRouteComponent(settings, 'GroupsPage');
export const UsersPage = lazyRouteComponent(settings, 'UsersPage');
export const ApiTokensPage = lazyRouteComponent(settings, 'ApiTokensPage');
export const PersonsListPage = lazyRouteComponent(contacts, 'PersonsListPage');
export const CompaniesListPage = lazyRouteComponent(contacts, 'CompaniesListPage');
export const PersonPage = lazyRouteComponent(card, 'PersonPage');
export const CompanyPage = lazyRouteComponent(card, 'CompanyPage');
export const PersonCreatePage = lazyRouteComponent(card, 'PersonCreatePage');
export const CompanyCreatePage = lazyRouteComponent(card, 'CompanyCreatePage');
export const StatusesPage = lazyRouteComponent(crm, 'StatusesPage');
export const LookupsPage = lazyRouteComponent(crm, 'LookupsPage');
export const CustomFieldsPage = lazyRouteComponent(crm, 'CustomFieldsPage');
export const CrmSettingsPage = lazyRouteComponent(crm, 'CrmSettingsPage');
export const TrashPage = lazyRouteComponent(crm, 'TrashPage');
export const ImportPage = lazyRouteComponent(imports, 'ImportPage');
export const BackgroundJobsPage = lazyRouteComponent(jobs, 'BackgroundJobsPage');
export const BackupPage = lazyRouteComponent(backup, 'BackupPage');
export const TaskBoardPage = lazyRouteComponent(board, 'TaskBoardPage');
export const TasksPage = lazyRouteComponent(tasks, 'TasksPage');
export const ControlPage = lazyRouteComponent(tasks, 'ControlPage');
export const TaskPage = lazyRouteComponent(tasks, 'TaskPage');
export const TaskTemplatesPage = lazyRouteComponent(taskSettings, 'TaskTemplatesPage');
export const TaskStatusesPage = lazyRouteComponent(taskSettings, 'TaskStatusesPage');
export const DictionariesPage = lazyRouteComponent(taskSettings, 'DictionariesPage');
export const TwoStepPage = lazyRouteComponent(twoStep, 'TwoStepPage');
export const ConnectedSystemsPage = lazyRouteComponent(clubEvents, 'ConnectedSystemsPage');
export const EventLogPage = lazyRouteComponent(clubEvents, 'EventLogPage');
export const LeadFormsPage = lazyRouteComponent(leadForms, 'LeadFormsPage');
export const WebhooksPage = lazyRouteComponent(webhooks, 'WebhooksPage');
export const MailSettingsPage = lazyRouteComponent(mailing, 'MailSettingsPage');
export const MailTemplatesPage = lazyRouteComponent(mailing, 'MailTemplatesPage');
export const SmsSettingsPage = lazyRouteComponent(mailing, 'SmsSettingsPage');
export const MailingLayout = lazyRouteComponent(mailing, 'MailingLayout');
export const CampaignsPage = lazyRouteComponent(mailing, 'CampaignsPage');
export const CampaignPage = lazyRouteComponent(mailing, 'CampaignPage');
export const NewCampaignPage = lazyRouteComponent(mailing, 'NewCampaignPage');
export const PipelinePage = lazyRouteComponent(deals, 'PipelinePage');
export const DealsListPage = lazyRouteComponent(deals, 'DealsListPage');
export const DealPage = lazyRouteComponent(deals, 'DealPage');
export const PipelinesSettingsPage = lazyRouteComponent(deals, 'PipelinesSettingsPage');
export const DealListsPage = lazyRouteComponent(deals, 'DealListsPage');
export const ReportsLayout = lazyRouteComponent(reports, 'ReportsLayout');
export const CrmReportPage = lazyRouteComponent(reports, 'CrmReportPage');
export const FunnelPage = lazyRouteComponent(reports, 'FunnelPage');
export const LeadSourcesPage = lazyRouteComponent(reports, 'LeadSourcesPage');
export const ForecastPage = lazyRouteComponent(reports, 'ForecastPage');
export const RetentionPage = lazyRouteComponent(reports, 'RetentionPage');
