import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Me, Task } from '@spotter/contracts';
import {
  IconArrowBackUp,
  IconCheck,
  IconDots,
  IconExternalLink,
  IconHandGrab,
  IconHandOff,
  IconPencil,
  IconTrash,
  IconUser,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { showUndoToast } from '../../../components/undo-toast.tsx';
import { errorMessage } from '../../../lib/validation.ts';
import { restoreTask, useDeleteTask, useUpdateTask } from '../api/tasks-api.ts';
import { ResultModal } from './result-modal.tsx';
import { useTakeIntoWork } from './take-into-work.tsx';
import { TaskFormModal } from './task-form-modal.tsx';

export interface TaskAction {
  key: 'complete' | 'edit' | 'take' | 'release' | 'reopen' | 'contact' | 'open' | 'delete';
  label: string;
  icon: ReactNode;
  onClick: () => void;
  danger?: boolean;
}

type Dialog = 'result' | 'edit' | 'delete';

/**
 * T-11's task actions — complete, edit, take into work or let go, re-open, open the person,
 * delete (after asking) — and the dialogs they open, for any place that lists tasks.
 */
export function useTaskActions(me: Me, opts: { onDeleted?: () => void; onDetails?: boolean } = {}) {
  const { t } = useTranslation('tasks');
  const navigate = useNavigate();
  const take = useTakeIntoWork();
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const qc = useQueryClient();
  const [target, setTarget] = useState<Task | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canWrite = me.permissions.includes('tasks.write');
  const fail = (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) });
  const open = (task: Task, d: Dialog) => {
    setTarget(task);
    setDialog(d);
  };

  const actionsFor = (task: Task): TaskAction[] => {
    const done = task.completedAt !== null;
    const mine = task.takenBy?.id === me.user.id;
    const list: (TaskAction | false)[] = [
      canWrite &&
        !done && {
          key: 'complete',
          label: t('actions.complete'),
          icon: <IconCheck size={16} />,
          onClick: () => open(task, 'result'),
        },
      canWrite &&
        !done && {
          key: 'edit',
          label: t('actions.edit'),
          icon: <IconPencil size={16} />,
          onClick: () => open(task, 'edit'),
        },
      canWrite &&
        !done && {
          key: mine ? 'release' : 'take',
          label: mine ? t('actions.release') : t('actions.take'),
          icon: mine ? <IconHandOff size={16} /> : <IconHandGrab size={16} />,
          onClick: () =>
            take.toggle(task, mine, {
              onSuccess: (saved) =>
                notifications.show({
                  color: 'teal',
                  message: saved.takenBy ? t('actions.taken') : t('actions.released'),
                }),
              onError: fail,
            }),
        },
      canWrite &&
        done && {
          key: 'reopen',
          label: t('actions.reopen'),
          icon: <IconArrowBackUp size={16} />,
          onClick: () =>
            update.mutate(
              { id: task.id, reopen: true, version: task.version },
              {
                onSuccess: () =>
                  notifications.show({ color: 'teal', message: t('actions.reopened') }),
                onError: fail,
              },
            ),
        },
      task.contact !== null && {
        key: 'contact',
        label: task.contact.kind === 'person' ? t('actions.openPerson') : t('actions.openCompany'),
        icon: <IconUser size={16} />,
        onClick: () => {
          const c = task.contact!;
          void (c.kind === 'person'
            ? navigate({ to: '/persons/$personId', params: { personId: c.id } })
            : navigate({ to: '/companies/$companyId', params: { companyId: c.id } }));
        },
      },
      !opts.onDetails && {
        key: 'open',
        label: t('actions.details'),
        icon: <IconExternalLink size={16} />,
        onClick: () => void navigate({ to: '/tasks/$taskId', params: { taskId: task.id } }),
      },
      canWrite && {
        key: 'delete',
        label: t('actions.delete'),
        icon: <IconTrash size={16} />,
        danger: true,
        onClick: () => open(task, 'delete'),
      },
    ];
    return list.filter((a): a is TaskAction => a !== false);
  };

  const close = () => setDialog(null);
  const targetDialogs = target && (
    <>
      <ResultModal opened={dialog === 'result'} onClose={close} task={target} />
      <TaskFormModal opened={dialog === 'edit'} onClose={close} task={target} />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t('delete.title')}
        message={
          target.type === 'round'
            ? t('delete.textRound')
            : t('delete.text', { name: target.template.name })
        }
        confirmLabel={t('actions.delete')}
        danger
        loading={remove.isPending}
        onClose={close}
        onConfirm={() =>
          remove.mutate(target.id, {
            onSuccess: () => {
              close();
              const id = target.id;
              showUndoToast({
                message: t('delete.done'),
                undo: async () => {
                  await restoreTask(qc, id);
                  return t('delete.restored');
                },
              });
              opts.onDeleted?.();
            },
            onError: (err) => {
              close();
              fail(err);
            },
          })
        }
      />
    </>
  );
  const dialogs = (
    <>
      {targetDialogs}
      {take.dialog}
    </>
  );
  return { actionsFor, dialogs, busy: take.isPending || update.isPending };
}

/** The "…" menu of a task row; items carry `task-action-<key>` test ids. */
export function TaskActionsMenu(props: { label: string; actions: TaskAction[] }) {
  if (props.actions.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={props.label}
          data-testid="task-actions"
        >
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {props.actions.map((a) => (
          <Menu.Item
            key={a.key}
            leftSection={a.icon}
            color={a.danger ? 'red' : undefined}
            onClick={a.onClick}
            data-testid={`task-action-${a.key}`}
          >
            {a.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
