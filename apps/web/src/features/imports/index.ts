export { ImportPage } from './pages/import-page.tsx';
