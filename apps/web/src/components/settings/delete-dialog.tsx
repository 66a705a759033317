import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../confirm-dialog.tsx';

/** The danger confirmation before deleting `entry`; open while it is not null. */
export function DeleteDialog<T>(props: {
  entry: T | null;
  title: string;
  message: string;
  /** "Delete" unless told otherwise. */
  confirmLabel?: string;
  loading: boolean;
  onConfirm: (entry: T) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { entry } = props;
  return (
    <ConfirmDialog
      opened={entry !== null}
      title={props.title}
      message={props.message}
      confirmLabel={props.confirmLabel ?? t('actions.delete')}
      danger
      loading={props.loading}
      onConfirm={() => entry !== null && props.onConfirm(entry)}
      onClose={props.onClose}
    />
  );
}
