import { Alert, Button, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useSendTestSms } from '../api/sms-settings-api.ts';

/** "Send a test SMS": one message to any number, and what the gateway answered, word for word. */
export function SmsTest() {
  const { t } = useTranslation('mailing');
  const send = useSendTestSms();
  const [to, setTo] = useState('');
  const failure = send.error;
  const gatewayAnswer =
    failure && isApiError(failure, 'sms_failed') ? String(failure.params.response ?? '') : null;
  const fieldError = failure ? serverFieldErrors(failure).to : undefined;
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('sms.testTitle')}
        </Title>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label={t('sms.testTo')}
            placeholder="+46 70 123 45 67"
            type="tel"
            value={to}
            error={fieldError}
            onChange={(e) => setTo(e.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
            data-testid="sms-test-to"
          />
          <Button
            mt={25}
            leftSection={<IconSend size={16} />}
            loading={send.isPending}
            disabled={to.trim() === ''}
            onClick={() => send.mutate(to)}
            data-testid="sms-test-send"
          >
            {t('sms.testSend')}
          </Button>
        </Group>
        {send.isSuccess && (
          <Alert
            color="teal"
            icon={<IconCircleCheck size={18} />}
            title={t('sms.testSent', { status: send.data.status })}
            data-testid="sms-test-ok"
          >
            <Text size="sm">{t('sms.gatewayAnswered')}</Text>
            <Code block>{send.data.response}</Code>
          </Alert>
        )}
        {failure && !fieldError && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title={t('sms.testFailed')}
            data-testid="sms-test-failed"
          >
            {gatewayAnswer !== null ? (
              <>
                <Text size="sm">{t('sms.gatewayAnswered')}</Text>
                <Code block>{gatewayAnswer}</Code>
              </>
            ) : (
              <Text size="sm">{errorMessage(failure)}</Text>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
