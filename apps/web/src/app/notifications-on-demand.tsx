import { notificationsStore, useNotifications } from '@mantine/notifications';
import { Suspense, lazy, useState } from 'react';

const POSITION = 'bottom-right';
const LIMIT = 3;

// Shown before the container has loaded, a notification already takes its place and its turn.
notificationsStore.updateState((state) => ({ ...state, defaultPosition: POSITION, limit: LIMIT }));

const Notifications = lazy(() =>
  import('./notifications-container.ts').then((m) => ({ default: m.Notifications })),
);

/**
 * Mantine's notification container (with its transitions and drag to dismiss) is fetched with
 * the first notification, not with every page: the login page and a quiet board never show
 * one. `notifications.show()` works before it arrives; the store keeps the message until the
 * container mounts, and from then on it stays mounted.
 */
export function NotificationsOnDemand() {
  const { notifications, queue } = useNotifications();
  const [wanted, setWanted] = useState(false);
  if (!wanted && notifications.length + queue.length > 0) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position={POSITION} limit={LIMIT} />
    </Suspense>
  );
}
