import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFailure } from '../lib/feedback.ts';

/** Long enough to notice a slip and reach the button, short enough not to linger. */
const UNDO_MS = 10_000;

let serial = 0;

function UndoMessage(props: { id: string; text: string; undo: () => Promise<string | void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const after = await props.undo();
      notifications.hide(props.id);
      notifications.show({ color: 'teal', message: after || t('undo.done') });
    } catch (err) {
      setBusy(false);
      notifications.hide(props.id);
      showFailure(err);
    }
  };
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm">{props.text}</Text>
      <Button
        size="compact-sm"
        variant="light"
        loading={busy}
        onClick={() => void run()}
        data-testid="undo"
      >
        {t('undo.action')}
      </Button>
    </Group>
  );
}

/**
 * A toast that says what was done and offers to take it back (issue 10). `undo` performs the
 * reverse on the server and may return the message to show once it is back.
 */
export function showUndoToast(opts: {
  title?: string;
  message: string;
  undo: () => Promise<string | void>;
}) {
  serial += 1;
  const id = `undo-${serial}`;
  notifications.show({
    id,
    color: 'teal',
    title: opts.title,
    autoClose: UNDO_MS,
    message: <UndoMessage id={id} text={opts.message} undo={opts.undo} />,
  });
}
