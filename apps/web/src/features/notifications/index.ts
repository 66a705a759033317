export { useLiveEvents } from './live/use-live-events.tsx';
export { NotificationBell } from './components/notification-bell.tsx';
export { TodoBadge } from './components/todo-badge.tsx';
export { CalendarFeedModal } from './components/calendar-feed-modal.tsx';
export { badgeKey, notificationsKey, useBadge } from './api/notifications-api.ts';
