import type { Task } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useTakeTask } from '../api/tasks-api.ts';

interface Handlers {
  onSuccess: (task: Task) => void;
  onError: (err: unknown) => void;
}

interface Held extends Handlers {
  id: string;
  /** Who has the task, as the server named them. */
  name: string;
}

/** The name in a 409 `task_taken` (its `params.name`), or null for any other error. */
export function holderOf(err: unknown): string | null {
  if (!isApiError(err, 'task_taken')) return null;
  const name = err.params.name;
  return typeof name === 'string' ? name : '';
}

/**
 * T-6's "take into work" (and "let it go") for any place that offers it. A task someone else
 * has — perhaps taken a moment ago, while this page still showed it free — answers 409
 * `task_taken`: the dialog says who has it and lets the user take it over, or leave it.
 */
export function useTakeIntoWork() {
  const { t } = useTranslation('tasks');
  const take = useTakeTask();
  const [held, setHeld] = useState<Held | null>(null);

  const toggle = (task: Task, release: boolean, handlers: Handlers) =>
    take.mutate(
      { id: task.id, release },
      {
        onSuccess: handlers.onSuccess,
        onError: (err) => {
          const name = release ? null : holderOf(err);
          if (name === null) handlers.onError(err);
          else setHeld({ id: task.id, name, ...handlers });
        },
      },
    );

  const takeOver = (h: Held) =>
    take.mutate(
      { id: h.id, takeOver: true },
      {
        onSuccess: (task) => {
          setHeld(null);
          h.onSuccess(task);
        },
        onError: (err) => {
          setHeld(null);
          h.onError(err);
        },
      },
    );

  const dialog = (
    <ConfirmDialog
      opened={held !== null}
      title={t('takeOver.title')}
      message={held?.name ? t('takeOver.text', { name: held.name }) : t('takeOver.textSomeone')}
      confirmLabel={t('takeOver.confirm')}
      loading={take.isPending}
      onClose={() => setHeld(null)}
      onConfirm={() => held && takeOver(held)}
    />
  );
  return { toggle, dialog, isPending: take.isPending };
}
