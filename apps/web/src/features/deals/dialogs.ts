import type { ComponentProps } from 'react';
import { onDemand } from '../../components/on-demand.tsx';
import { withMoreTexts } from '../../lib/i18n.ts';
import type { DealFormModal as DealForm } from './components/deal-form-modal.tsx';

/**
 * The deal dialog is fetched when it first opens: the board, the person page and the expanded
 * card do not download its date pickers and contact search until someone adds or edits a deal.
 */
export const DealFormModal = onDemand<ComponentProps<typeof DealForm>>(
  withMoreTexts(() => import('./components/deal-form-modal.tsx').then((m) => m.DealFormModal)),
  (p) => p.opened,
);
