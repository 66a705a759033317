import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import {
  fillSmsTemplate,
  formEscape,
  smsBodyEscape,
  smsSegments,
  type SmsContentType,
} from '@spotter/contracts';
import { useTranslation } from 'react-i18next';

/** What one SMS becomes with these settings: the request line and the body, filled in. */
export function SmsExample(props: {
  url: string;
  method: 'GET' | 'POST';
  contentType: SmsContentType;
  bodyTemplate: string;
  sender: string;
}) {
  const { t } = useTranslation('mailing');
  const values = { to: '+46701234567', text: t('sms.exampleText'), from: props.sender };
  const url = fillSmsTemplate(props.url, values, formEscape);
  const body =
    props.method === 'POST'
      ? fillSmsTemplate(props.bodyTemplate, values, smsBodyEscape(props.contentType))
      : null;
  const segments = smsSegments(values.text);
  return (
    <Stack gap={4} data-testid="sms-example">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('sms.example')}
        </Text>
        <Badge variant="light" size="sm">
          {t('sms.segments', {
            count: segments.segments,
            encoding: segments.encoding === 'gsm7' ? 'GSM-7' : 'Unicode',
          })}
        </Badge>
      </Group>
      <Code
        block
        data-testid="sms-example-request"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {`${props.method} ${url}`}
        {body !== null && `\nContent-Type: ${props.contentType}\n\n${body}`}
      </Code>
    </Stack>
  );
}
