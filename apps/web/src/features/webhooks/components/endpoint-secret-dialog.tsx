import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SecretReveal } from '../../../components/secret-reveal.tsx';
import type { EndpointSecret } from '../api/webhooks-api.ts';

/** How a receiver checks a delivery, in a few lines of Node (docs/webhooks.md has more). */
const VERIFY_EXAMPLE = `import { Webhook } from 'standardwebhooks';
const wh = new Webhook(process.env.SPOTTER_WEBHOOK_SECRET);
// rawBody: the request body exactly as received
const event = wh.verify(rawBody, req.headers);`;

/** The signing secret of a new or rotated endpoint, shown this once. */
export function EndpointSecretDialog(props: {
  shown: (EndpointSecret & { rotated: boolean }) | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('webhooks');
  const shown = props.shown;
  return (
    <Modal
      opened={shown !== null}
      onClose={props.onClose}
      title={shown?.rotated ? t('secret.rotatedTitle') : t('secret.createdTitle')}
      size="xl"
      centered
      closeOnClickOutside={false}
    >
      {shown && (
        <Stack data-testid="endpoint-secret-dialog">
          <SecretReveal value={shown.secret} note={t('secret.once')} testId="endpoint-secret" />
          <Text size="sm">{t('secret.howTo')}</Text>
          <Code block>{VERIFY_EXAMPLE}</Code>
          <Group justify="flex-end">
            <Button onClick={props.onClose} data-autofocus data-testid="endpoint-secret-done">
              {t('secret.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
