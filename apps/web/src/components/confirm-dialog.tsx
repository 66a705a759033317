import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Asks before anything destructive; the safe choice has the focus. */
export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Text size="sm">{props.message}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={props.onClose} data-autofocus>
          {t('actions.cancel')}
        </Button>
        <Button
          color={props.danger ? 'red' : undefined}
          loading={props.loading}
          onClick={props.onConfirm}
          data-testid="confirm"
        >
          {props.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
