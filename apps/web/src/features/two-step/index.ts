export { TwoStepPage } from './pages/two-step-page.tsx';
export { UserTwoStepSection } from './components/user-two-step-section.tsx';
