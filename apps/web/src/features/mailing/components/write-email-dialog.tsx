import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Locale } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverFieldErrors } from '../../../lib/validation.ts';
import { useSendPersonEmail } from '../api/person-message-api.ts';
import { useMailPreview, useMailTemplates } from '../api/templates-api.ts';
import { sendErrorText } from './send-error.ts';

/**
 * One email to one person: a template to start from (for those who may read templates), or
 * one's own words; a preview with the person's values; the server's answer when it fails.
 */
export function WriteEmailDialog(props: {
  opened: boolean;
  onClose: () => void;
  person: { id: string; name: string; email: string };
  /** Templates and the preview are read with `mailing.send`. */
  canUseTemplates: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation('mailing');
  const narrow = useMediaQuery('(max-width: 48em)');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const send = useSendPersonEmail(props.person.id);
  const templates = useMailTemplates(props.canUseTemplates && props.opened);
  const [debounced] = useDebouncedValue({ subject, body, personId: props.person.id }, 400);
  const preview = useMailPreview(debounced, props.canUseTemplates && props.opened);

  const pick = (id: string | null) => {
    setTemplateId(id);
    const template = templates.data?.items.find((x) => x.id === id);
    if (!template) return;
    const variant =
      template.variants.find((v) => v.locale === props.locale) ?? template.variants[0];
    if (variant) {
      setSubject(variant.subject);
      setBody(variant.body);
    }
  };

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
      { subject, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('write.emailSent') });
          setSubject('');
          setBody('');
          setTemplateId(null);
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
      title={t('write.emailTitle', { name: props.person.name })}
      size="xl"
      fullScreen={narrow}
    >
      <form onSubmit={submit} data-testid="write-email-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('write.to', { address: props.person.email })}
          </Text>
          {props.canUseTemplates && (
            <Select
              label={t('write.template')}
              placeholder={t('write.noTemplate')}
              data={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
              value={templateId}
              onChange={pick}
              clearable
              searchable
              data-testid="write-template"
            />
          )}
          <TextInput
            label={t('subject')}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={errors.subject}
            required
            maxLength={200}
            data-testid="write-subject"
          />
          <Textarea
            label={t('body')}
            description={t('bodyHint')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
            required
            autosize
            minRows={6}
            maxRows={16}
            data-testid="write-body"
          />
          {props.canUseTemplates && preview.data && (
            <Paper withBorder radius="md" p="md" data-testid="write-preview">
              <Text size="xs" c="dimmed">
                {t('write.preview')}
              </Text>
              <Text fw={600}>{preview.data.subject}</Text>
              <div
                style={{ fontSize: 14, lineHeight: 1.55, overflowWrap: 'anywhere' }}
                dangerouslySetInnerHTML={{ __html: preview.data.html }}
              />
            </Paper>
          )}
          {failure && (
            <Alert color="red" data-testid="write-error">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('write.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending} data-testid="write-send">
              {t('write.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
