import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** C-16: anonymizing cannot be undone, so the admin types the person's name to confirm. */
export function EraseDialog(props: {
  opened: boolean;
  name: string;
  /** A guardian's children, whom erasing unlinks (they stay in the CRM). */
  unlinkedChildren?: string[];
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
  const children = props.unlinkedChildren ?? [];
  const matches = typed.trim().toLowerCase() === props.name.trim().toLowerCase();
  return (
    <Modal opened={props.opened} onClose={close} title={t('erase.title')} centered>
      <Stack gap="md">
        <Text size="sm">{t('erase.text')}</Text>
        {children.length > 0 && (
          <Alert color="yellow" icon={<IconUsersGroup size={18} />} data-testid="erase-children">
            <Text size="sm">{t('erase.unlinksChildren', { count: children.length })}</Text>
            <List size="sm" mt={4}>
              {children.map((name, i) => (
                <List.Item key={`${name}-${i}`}>{name}</List.Item>
              ))}
            </List>
          </Alert>
        )}
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
