/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { MailSettingsPage } from './pages/mail-settings-page.tsx';
export { MailTemplatesPage } from './pages/templates-page.tsx';
export { SmsSettingsPage } from './pages/sms-settings-page.tsx';
export { MailingLayout } from './pages/mailing-layout.tsx';
export { CampaignsPage } from './pages/campaigns-page.tsx';
export { CampaignPage, NewCampaignPage } from './pages/campaign-page.tsx';
