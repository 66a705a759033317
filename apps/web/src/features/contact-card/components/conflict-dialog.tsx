import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** someone saved this record after it was opened here; reload theirs or keep mine. */
export function ConflictDialog(props: {
  opened: boolean;
  loading?: boolean;
  onReload: () => void;
  onOverwrite: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('card');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('conflict.title')}
      centered
      size="lg"
    >
      <div data-testid="conflict-dialog">
        <Text size="sm">{t('conflict.text')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button
            variant="default"
            onClick={props.onReload}
            data-autofocus
            data-testid="conflict-reload"
          >
            {t('conflict.reload')}
          </Button>
          <Button
            color="orange"
            onClick={props.onOverwrite}
            loading={props.loading}
            data-testid="conflict-overwrite"
          >
            {t('conflict.overwrite')}
          </Button>
        </Group>
      </div>
    </Modal>
  );
}
