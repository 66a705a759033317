import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { smsSegments } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverFieldErrors } from '../../../lib/validation.ts';
import { useSendPersonSms } from '../api/person-message-api.ts';
import { sendErrorText } from './send-error.ts';

const MAX_SMS = 1600;

/** One SMS to one person, with the characters left and how many SMS it will take. */
export function WriteSmsDialog(props: {
  opened: boolean;
  onClose: () => void;
  person: { id: string; name: string; phone: string };
}) {
  const { t } = useTranslation('mailing');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const send = useSendPersonSms(props.person.id);
  const count = smsSegments(text);

  const close = () => {
    setErrors({});
    setFailure(null);
    props.onClose();
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFailure(null);
    send.mutate(
      { text },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('write.smsSent') });
          setText('');
          close();
        },
        onError: (err) => {
          setErrors(serverFieldErrors(err));
          setFailure(sendErrorText(err));
        },
      },
    );
  };

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={t('write.smsTitle', { name: props.person.name })}
    >
      <form onSubmit={submit} data-testid="write-sms-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('write.to', { address: props.person.phone })}
          </Text>
          <Textarea
            label={t('write.smsText')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
            required
            autosize
            minRows={4}
            maxRows={10}
            maxLength={MAX_SMS}
            data-testid="write-sms-text"
          />
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="sms-counter">
            {t('write.smsCount', {
              count: count.segments,
              chars: [...text].length,
              remaining: count.remaining,
              encoding: t(count.encoding === 'gsm7' ? 'write.gsm7' : 'write.ucs2'),
            })}
          </Text>
          {failure && (
            <Alert color="red" data-testid="write-error">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('write.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending} data-testid="write-sms-send">
              {t('write.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
