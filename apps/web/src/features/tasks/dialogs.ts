import type { ComponentProps } from 'react';
import { onDemand } from '../../components/on-demand.tsx';
import { withMoreTexts } from '../../lib/i18n.ts';
import type { NewCallModal as NewCall } from './components/new-call-modal.tsx';
import type { ResultModal as Result } from './components/result-modal.tsx';
import type { RoundModal as Round } from './components/round-modal.tsx';
import type { RoundRunner as Runner } from './components/round-runner.tsx';
import type { TaskFormModal as TaskForm } from './components/task-form-modal.tsx';

// Other features open these dialogs from pages that show no form at first (the board, a list),
// so each is fetched when it first opens; this feature's own pages import them directly. A
// result's fields speak of task settings (units of time), whose texts come with the dialog.

const opened = (p: { opened: boolean }) => p.opened;

export const TaskFormModal = onDemand<ComponentProps<typeof TaskForm>>(
  () => import('./components/task-form-modal.tsx').then((m) => m.TaskFormModal),
  opened,
);
export const ResultModal = onDemand<ComponentProps<typeof Result>>(
  withMoreTexts(() => import('./components/result-modal.tsx').then((m) => m.ResultModal)),
  opened,
);
export const NewCallModal = onDemand<ComponentProps<typeof NewCall>>(
  withMoreTexts(() => import('./components/new-call-modal.tsx').then((m) => m.NewCallModal)),
  opened,
);
export const RoundModal = onDemand<ComponentProps<typeof Round>>(
  () => import('./components/round-modal.tsx').then((m) => m.RoundModal),
  opened,
);
export const RoundRunner = onDemand<ComponentProps<typeof Runner>>(
  () => import('./components/round-runner.tsx').then((m) => m.RoundRunner),
  (p) => p.roundId !== null,
);
