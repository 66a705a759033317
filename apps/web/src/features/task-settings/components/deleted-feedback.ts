import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { closeThen, notifySaved } from '../../../lib/feedback.ts';

/** The settings whose DELETE the server may turn into archiving: tasks still show the entry. */
type Section = 'statuses' | 'templates' | 'results';

/**
 * Mutation callbacks of such a DELETE: `close` the confirmation, then say which of the two
 * happened (`<section>.deleted`, or `<section>.archivedInstead…` explaining why it was kept).
 */
export function deletedOrArchived(
  t: TFunction<'taskSettings'>,
  section: Section,
  name: string,
  close: () => void,
) {
  return closeThen(close, (result: { archived: boolean } | undefined) => {
    if (result?.archived) {
      notifications.show({
        color: 'yellow',
        title: t(`${section}.archivedInsteadTitle`, { name }),
        message: t(`${section}.archivedInsteadText`),
        autoClose: 8000,
      });
    } else notifySaved(t(`${section}.deleted`, { name }));
  });
}
