import { notifications } from '@mantine/notifications';
import type { ContactKind } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/validation.ts';
import { useContact, useUpdateContact, type UpdateByKind } from '../api/contact-api.ts';

/** A change to a contact as a form or a one-click action sends it, without the version. */
export type ContactChange<K extends ContactKind> = Omit<UpdateByKind[K], 'version' | 'force'>;

/**
 * Saves a change with the version this page has read. A stale version opens the
 * conflict dialog, which reloads (mine is dropped) or overwrites (sent again with `force`).
 */
export function useContactSave<K extends ContactKind>(kind: K, id: string) {
  const { t } = useTranslation('card');
  const contact = useContact(kind, id);
  const update = useUpdateContact(kind, id);
  const [pending, setPending] = useState<{ change: ContactChange<K>; onSaved?: () => void } | null>(
    null,
  );
  /** Bumped after a reload so an open form starts again from the newest values. */
  const [generation, setGeneration] = useState(0);

  const send = async (
    change: ContactChange<K>,
    force: boolean,
    onSaved?: () => void,
    latestVersion?: number,
  ) => {
    const version = latestVersion ?? contact.data?.version ?? 0;
    const body = { ...change, version, ...(force ? { force: true } : {}) } as UpdateByKind[K];
    try {
      await update.mutateAsync(body);
      notifications.show({ color: 'teal', message: t('saved') });
      onSaved?.();
    } catch (err) {
      if (isApiError(err, 'version_conflict')) setPending({ change, onSaved });
      else throw err;
    }
  };

  return {
    generation,
    saving: update.isPending,
    /** Rejects with the API error when it is not a conflict, for the form to show. */
    save: (change: ContactChange<K>, onSaved?: () => void) => send(change, false, onSaved),
    /** A one-click change (status): errors become a notification. */
    quickSave: (change: ContactChange<K>) =>
      send(change, false).catch((err: unknown) =>
        notifications.show({ color: 'red', message: errorMessage(err) }),
      ),
    conflict: {
      opened: pending !== null,
      loading: update.isPending,
      onClose: () => setPending(null),
      onReload: async () => {
        setPending(null);
        await contact.refetch();
        setGeneration((g) => g + 1);
      },
      onOverwrite: async () => {
        if (!pending) return;
        const latest = await contact.refetch();
        try {
          await send(pending.change, true, pending.onSaved, latest.data?.version);
          setPending(null);
        } catch (err) {
          notifications.show({ color: 'red', message: errorMessage(err) });
        }
      },
    },
  };
}
