export { LeadFormsPage } from './pages/lead-forms-page.tsx';
