/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { ReportsLayout } from './pages/reports-layout.tsx';
export { CrmReportPage } from './pages/crm-report-page.tsx';
