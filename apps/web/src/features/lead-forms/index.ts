/** Speed to lead on a board card and on the person page (decision 0029). */
export { WaitingBadge } from './components/waiting-badge.tsx';
export { PersonLeadWait } from './components/person-lead-wait.tsx';
