import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SecretReveal } from '../../../components/secret-reveal.tsx';
import type { SourceSecret } from '../api/club-events-api.ts';
import { CopyField } from './copy-field.tsx';
import { SIGNING_HEADERS, signingExample } from './signing-example.ts';

/**
 * The signing secret of a new or rotated source, shown this once, with where the club's system
 * posts and how it signs: enough for its developer to connect without asking anyone. A Twilio
 * number signs with its own auth token: it gets the address to paste into Twilio's console.
 */
export function SecretDialog(props: {
  shown: (SourceSecret & { rotated: boolean }) | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('clubEvents');
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
      {shown && shown.source.kind === 'twilio' && (
        <Stack data-testid="secret-dialog">
          <CopyField label={t('sources.webhookUrl')} value={shown.url} testId="source-url" />
          <Text size="sm">{t('secret.twilioHowTo')}</Text>
          <Group justify="flex-end">
            <Button onClick={props.onClose} data-autofocus data-testid="secret-done">
              {t('secret.done')}
            </Button>
          </Group>
        </Stack>
      )}
      {shown && shown.source.kind !== 'twilio' && (
        <Stack data-testid="secret-dialog">
          <SecretReveal value={shown.secret} note={t('secret.once')} testId="source-secret" />
          <CopyField label={t('secret.url')} value={shown.url} testId="source-url" />
          <Text size="sm">{t('secret.howTo', { headers: SIGNING_HEADERS.join(', ') })}</Text>
          <CopyField
            label={t('secret.example')}
            value={signingExample(shown.url)}
            testId="signing-example"
            block
          />
          <Text size="xs" c="dimmed">
            {t('secret.tokenAlternative')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={props.onClose} data-autofocus data-testid="secret-done">
              {t('secret.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
