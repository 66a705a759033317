import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  SMS_CONTENT_TYPES,
  smsSettingsUpdateSchema,
  type SmsContentType,
  type SmsSettings,
  type SmsSettingsUpdate,
} from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { useVersionConflict, VersionConflictModal } from '../../../components/version-conflict.tsx';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage, issueText, serverFieldErrors } from '../../../lib/validation.ts';
import { useSaveSmsSettings, useSmsSettings } from '../api/sms-settings-api.ts';
import { SmsExample } from '../components/sms-example.tsx';
import { SmsHeadersEditor, type HeaderRow } from '../components/sms-headers-editor.tsx';
import { SmsTest } from '../components/sms-test.tsx';

interface FormValues {
  url: string;
  method: 'GET' | 'POST';
  contentType: SmsContentType;
  headers: HeaderRow[];
  bodyTemplate: string;
  sender: string;
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
}

/** A starting point a JSON gateway understands; the club adapts the names to its provider's. */
const JSON_EXAMPLE = '{"to": "{{to}}", "from": "{{from}}", "message": "{{text}}"}';
const FORM_EXAMPLE = 'to={{to}}&from={{from}}&message={{text}}';

const valuesOf = (s: SmsSettings): FormValues => ({
  url: s.url ?? '',
  method: s.method,
  contentType: (SMS_CONTENT_TYPES as readonly string[]).includes(s.contentType ?? '')
    ? (s.contentType as SmsContentType)
    : 'application/json',
  headers: s.headerNames.map((name) => ({ name, value: '', savedAs: name })),
  bodyTemplate: s.bodyTemplate ?? (s.configured ? '' : JSON_EXAMPLE),
  sender: s.sender ?? '',
  quiet: s.quietHours !== null,
  quietFrom: s.quietHours?.from ?? '21:00',
  quietTo: s.quietHours?.to ?? '08:00',
});

function bodyOf(v: FormValues, version: number): SmsSettingsUpdate {
  const post = v.method === 'POST';
  return {
    url: v.url,
    method: v.method,
    contentType: post ? v.contentType : null,
    headers: v.headers.map((h) => {
      const kept = h.savedAs !== null && h.savedAs.toLowerCase() === h.name.trim().toLowerCase();
      return kept && h.value === '' ? { name: h.name } : { name: h.name, value: h.value };
    }),
    bodyTemplate: post ? v.bodyTemplate : null,
    sender: v.sender,
    quietHours: v.quiet ? { from: v.quietFrom, to: v.quietTo } : null,
    version,
  };
}

/** The same checks the server makes, each next to its field (quiet hours on their inputs). */
function validate(values: FormValues): Record<string, string> {
  const parsed = smsSettingsUpdateSchema.safeParse(bodyOf(values, 0));
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    let field = issue.path.join('.');
    if (field.startsWith('quietHours')) field = field.endsWith('to') ? 'quietTo' : 'quietFrom';
    if (field && !errors[field]) errors[field] = issueText(issue);
  }
  return errors;
}

const formErrorsOf = (err: unknown) => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(serverFieldErrors(err))) {
    out[k.startsWith('quietHours') ? (k.endsWith('to') ? 'quietTo' : 'quietFrom') : k] = v;
  }
  return out;
};

/** Settings → SMS (M-2): the club's HTTP SMS gateway and a test message. */
export function SmsSettingsPage() {
  const settings = useSmsSettings();
  if (settings.isPending) return <SettingsSkeleton />;
  if (settings.isError) {
    return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  return (
    <Stack gap="lg" maw={760}>
      <SmsSettingsForm settings={settings.data} />
      {settings.data.configured && <SmsTest />}
    </Stack>
  );
}

function SmsSettingsForm({ settings }: { settings: SmsSettings }) {
  const { t } = useTranslation('mailing');
  const save = useSaveSmsSettings();
  const query = useSmsSettings();
  const form = useForm<FormValues>({ initialValues: valuesOf(settings), validate });
  const v = form.values;

  const submit = (values: FormValues, version: number) =>
    save.mutate(bodyOf(values, version), {
      onSuccess: (saved) => {
        form.setInitialValues(valuesOf(saved));
        form.reset();
        notifications.show({ color: 'teal', message: t('sms.saved') });
      },
      onError: (err) => {
        if (isApiError(err, 'version_conflict')) conflict.onConflict(values);
        else {
          form.setErrors(formErrorsOf(err));
          notifications.show({ color: 'red', message: errorMessage(err) });
        }
      },
    });

  const conflict = useVersionConflict({
    refetch: () => query.refetch(),
    reset: (latest: SmsSettings) => {
      form.setInitialValues(valuesOf(latest));
      form.reset();
    },
    save: (values: FormValues, version) => submit(values, version),
  });

  const setContentType = (value: string) => {
    const type = value as SmsContentType;
    const template = v.bodyTemplate.trim();
    // An untouched example follows the content type; a written template is left alone.
    if (template === '' || template === JSON_EXAMPLE || template === FORM_EXAMPLE) {
      form.setFieldValue('bodyTemplate', type === 'application/json' ? JSON_EXAMPLE : FORM_EXAMPLE);
    }
    form.setFieldValue('contentType', type);
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={form.onSubmit((values) => submit(values, settings.version))} noValidate>
        <Stack gap="md">
          <div>
            <Title order={3} size="h4">
              {t('sms.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('sms.hint')}
            </Text>
          </div>
          {!settings.configured && (
            <Alert color="blue" variant="light" data-testid="sms-not-configured">
              {t('sms.notConfigured')}
            </Alert>
          )}
          <Group align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="sms-method-label">
                {t('sms.method')}
              </Text>
              <SegmentedControl
                aria-labelledby="sms-method-label"
                data={['POST', 'GET']}
                data-testid="sms-method"
                {...form.getInputProps('method')}
              />
            </Stack>
            <TextInput
              label={t('sms.url')}
              description={v.method === 'GET' ? t('sms.urlHintGet') : undefined}
              placeholder={t('sms.urlPlaceholder')}
              required
              style={{ flex: '1 1 360px' }}
              data-testid="sms-url"
              {...form.getInputProps('url')}
            />
          </Group>
          <SmsHeadersEditor form={form} />
          {v.method === 'POST' && (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="sms-type-label">
                  {t('sms.contentType')}
                </Text>
                <SegmentedControl
                  aria-labelledby="sms-type-label"
                  value={v.contentType}
                  onChange={setContentType}
                  data={SMS_CONTENT_TYPES.map((c) => ({ value: c, label: t(`sms.types.${c}`) }))}
                  data-testid="sms-content-type"
                />
              </Stack>
              <Textarea
                label={t('sms.body')}
                description={t('sms.bodyHint')}
                autosize
                minRows={3}
                maxRows={10}
                styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
                data-testid="sms-body"
                {...form.getInputProps('bodyTemplate')}
              />
            </>
          )}
          <SmsExample
            url={v.url}
            method={v.method}
            contentType={v.contentType}
            bodyTemplate={v.bodyTemplate}
            sender={v.sender}
          />
          <TextInput
            label={t('sms.sender')}
            description={t('sms.senderHint')}
            maw={360}
            data-testid="sms-sender"
            {...form.getInputProps('sender')}
          />
          <Switch
            label={t('sms.quietHours')}
            description={t('sms.quietHoursHint')}
            data-testid="sms-quiet"
            {...form.getInputProps('quiet', { type: 'checkbox' })}
          />
          {v.quiet && (
            <SimpleGrid cols={{ base: 2 }} maw={400}>
              <TimeInput
                label={t('sms.quietFrom')}
                data-testid="sms-quiet-from"
                {...form.getInputProps('quietFrom')}
              />
              <TimeInput
                label={t('sms.quietTo')}
                data-testid="sms-quiet-to"
                {...form.getInputProps('quietTo')}
              />
            </SimpleGrid>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => form.reset()}
              disabled={!form.isDirty() || save.isPending}
            >
              {t('common:actions.discard')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={settings.configured && !form.isDirty()}
              data-testid="sms-save"
            >
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <VersionConflictModal
        opened={conflict.conflict !== null}
        onClose={conflict.dismiss}
        onReload={() => void conflict.reload()}
        onOverwrite={() => void conflict.overwrite()}
        labels={{
          title: t('sms.conflictTitle'),
          text: t('sms.conflictText'),
          reload: t('settings:organization.conflictReload'),
          overwrite: t('settings:organization.conflictOverwrite'),
        }}
      />
    </Paper>
  );
}
