import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** C-16: anonymizing cannot be undone, so the admin types the person's name to confirm. */
export function EraseDialog(props: {
  opened: boolean;
  name: string;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('card');
  const [typed, setTyped] = useState('');
  const close = () => {
    setTyped('');
    props.onClose();
  };
  const matches = typed.trim().toLowerCase() === props.name.trim().toLowerCase();
  return (
    <Modal opened={props.opened} onClose={close} title={t('erase.title')} centered>
      <Stack gap="md">
        <Text size="sm">{t('erase.text')}</Text>
        <TextInput
          label={t('erase.typeName', { name: props.name })}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          data-testid="erase-confirm-input"
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!matches}
            loading={props.loading}
            onClick={props.onConfirm}
            data-testid="erase-confirm"
          >
            {t('erase.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
