export { UserTwoStepSection } from './components/user-two-step-section.tsx';
