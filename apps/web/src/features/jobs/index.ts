export { BackgroundJobsPage } from './pages/background-jobs-page.tsx';
