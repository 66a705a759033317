import { notifications } from '@mantine/notifications';
import { notifySaved } from '../../crm/components/feedback.ts';

/**
 * After a DELETE that the server may turn into archiving (the entry is in use, so tasks keep
 * showing it): say which of the two happened. `archivedText` explains why it was kept.
 */
export function notifyDeleted(
  result: { archived: boolean } | undefined,
  texts: {
    deleted: string;
    archivedTitle: string;
    archivedText: string;
  },
) {
  if (result?.archived) {
    notifications.show({
      color: 'yellow',
      title: texts.archivedTitle,
      message: texts.archivedText,
      autoClose: 8000,
    });
  } else notifySaved(texts.deleted);
}
