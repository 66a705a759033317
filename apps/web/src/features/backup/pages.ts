/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { BackupPage } from './pages/backup-page.tsx';
