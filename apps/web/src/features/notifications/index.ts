import { onDemand } from '../../components/on-demand.tsx';

export { useLiveEvents } from './live/use-live-events.tsx';
export { addCall, type IncomingCall } from './live/live-events.ts';
export { NotificationBell } from './components/notification-bell.tsx';
export { TodoBadge } from './components/todo-badge.tsx';
/** Opened from the user menu now and then: fetched when it first opens (decision 0023). */
export const CalendarFeedModal = onDemand(
  () => import('./components/calendar-feed-modal.tsx').then((m) => m.CalendarFeedModal),
  (p) => p.opened,
);
export { badgeKey, notificationsKey, useBadge } from './api/notifications-api.ts';
