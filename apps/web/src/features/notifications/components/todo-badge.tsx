import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBadge } from '../api/notifications-api.ts';

/**
 * The count next to "Tasks" (T-10, seed 000's badge): my open to-dos due today or overdue,
 * red while any is overdue, blue otherwise; hidden when there is nothing to do.
 */
export function TodoBadge() {
  const { t, i18n } = useTranslation('notifications');
  const badge = useBadge(true);
  const todo = badge.data?.todo ?? 0;
  if (!badge.data || todo === 0) return null;
  const overdue = badge.data.overdue;
  const title =
    overdue > 0
      ? t('badge.withOverdue', { count: todo, overdue })
      : t('badge.dueToday', { count: todo });
  return (
    <Badge
      size="sm"
      variant="filled"
      color={overdue > 0 ? 'red' : 'blue'}
      title={title}
      data-testid="todo-badge"
      data-overdue={overdue > 0 || undefined}
    >
      <span aria-hidden>{todo > 99 ? '99+' : todo.toLocaleString(i18n.language)}</span>
      <VisuallyHidden component="span">{title}</VisuallyHidden>
    </Badge>
  );
}
