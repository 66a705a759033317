/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { ReportsLayout } from './pages/reports-layout.tsx';
export { ForecastPage } from './pages/forecast-page.tsx';
export { RetentionPage } from './pages/retention-page.tsx';
export { CrmReportPage } from './pages/crm-report-page.tsx';
export { FunnelPage } from './pages/funnel-page.tsx';
export { LeadSourcesPage } from './pages/lead-sources-page.tsx';
