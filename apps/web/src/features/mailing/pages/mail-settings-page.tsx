import {
  Alert,
  Button,
  Checkbox,
  Code,
  Divider,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconSend } from '@tabler/icons-react';
import {
  mailSettingsUpdateSchema,
  type MailSettings,
  type MailSettingsUpdate,
  type SmtpSecurity,
} from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { useVersionConflict, VersionConflictModal } from '../../../components/version-conflict.tsx';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage, issueText, serverFieldErrors } from '../../../lib/validation.ts';
import { useMailSettings, useSaveMailSettings, useSendTestMail } from '../api/mail-settings-api.ts';

interface FormValues {
  smtpHost: string;
  smtpPort: number | string;
  smtpSecurity: SmtpSecurity;
  smtpUser: string;
  /** Empty: keep the stored password. */
  smtpPassword: string;
  removePassword: boolean;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  postalAddress: string;
  dkimDomain: string;
  dkimSelector: string;
  /** Empty: keep the stored key. */
  dkimPrivateKey: string;
  removeDkimKey: boolean;
}

/** The port each kind of security usually has, so choosing one fixes the other. */
const USUAL_PORT: Record<SmtpSecurity, number> = { starttls: 587, tls: 465, none: 25 };

const valuesOf = (s: MailSettings): FormValues => ({
  smtpHost: s.smtpHost ?? '',
  smtpPort: s.smtpPort,
  smtpSecurity: s.smtpSecurity,
  smtpUser: s.smtpUser ?? '',
  smtpPassword: '',
  removePassword: false,
  fromName: s.fromName,
  fromAddress: s.fromAddress ?? '',
  replyTo: s.replyTo ?? '',
  postalAddress: s.postalAddress ?? '',
  dkimDomain: s.dkimDomain ?? '',
  dkimSelector: s.dkimSelector ?? '',
  dkimPrivateKey: '',
  removeDkimKey: false,
});

const orNull = (v: string) => (v.trim() === '' ? null : v);

function bodyOf(v: FormValues, version: number): MailSettingsUpdate {
  return {
    smtpHost: v.smtpHost,
    smtpPort: typeof v.smtpPort === 'number' ? v.smtpPort : Number(v.smtpPort),
    smtpSecurity: v.smtpSecurity,
    smtpUser: orNull(v.smtpUser),
    smtpPassword: v.removePassword ? null : v.smtpPassword === '' ? undefined : v.smtpPassword,
    fromName: v.fromName,
    fromAddress: v.fromAddress,
    replyTo: orNull(v.replyTo),
    postalAddress: orNull(v.postalAddress),
    dkimDomain: orNull(v.dkimDomain),
    dkimSelector: orNull(v.dkimSelector),
    dkimPrivateKey: v.removeDkimKey
      ? null
      : v.dkimPrivateKey.trim() === ''
        ? undefined
        : v.dkimPrivateKey,
    version,
  };
}

/** The same checks the server makes, each next to its field. */
function validate(values: FormValues): Record<string, string> {
  const parsed = mailSettingsUpdateSchema.safeParse(bodyOf(values, 0));
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !errors[field]) errors[field] = issueText(issue);
  }
  return errors;
}

export function MailSettingsPage(props: { myEmail: string }) {
  const settings = useMailSettings();
  if (settings.isPending) return <SettingsSkeleton />;
  if (settings.isError) {
    return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  return (
    <Stack gap="lg" maw={760}>
      <MailSettingsForm settings={settings.data} />
      {settings.data.configured && <TestMail myEmail={props.myEmail} />}
    </Stack>
  );
}

function MailSettingsForm({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation('settings');
  const save = useSaveMailSettings();
  const query = useMailSettings();
  const form = useForm<FormValues>({ initialValues: valuesOf(settings), validate });

  const submit = (values: FormValues, version: number) =>
    save.mutate(bodyOf(values, version), {
      onSuccess: (saved) => {
        form.setInitialValues(valuesOf(saved));
        form.reset();
        notifications.show({ color: 'teal', message: t('mail.saved') });
      },
      onError: (err) => {
        if (isApiError(err, 'version_conflict')) conflict.onConflict(values);
        else {
          form.setErrors(serverFieldErrors(err));
          notifications.show({ color: 'red', message: errorMessage(err) });
        }
      },
    });

  const conflict = useVersionConflict({
    refetch: () => query.refetch(),
    reset: (latest: MailSettings) => {
      form.setInitialValues(valuesOf(latest));
      form.reset();
    },
    save: (values: FormValues, version) => submit(values, version),
  });

  const setSecurity = (value: string) => {
    const security = value as SmtpSecurity;
    const port = Number(form.values.smtpPort);
    if (Object.values(USUAL_PORT).includes(port))
      form.setFieldValue('smtpPort', USUAL_PORT[security]);
    form.setFieldValue('smtpSecurity', security);
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={form.onSubmit((v) => submit(v, settings.version))} noValidate>
        <Stack gap="md">
          <div>
            <Title order={3} size="h4">
              {t('mail.serverTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('mail.serverHint')}
            </Text>
          </div>
          {!settings.configured && (
            <Alert color="blue" variant="light" data-testid="mail-not-configured">
              {t('mail.notConfigured')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('mail.host')}
              placeholder={t('mail.hostPlaceholder')}
              required
              data-testid="mail-host"
              {...form.getInputProps('smtpHost')}
            />
            <NumberInput
              label={t('mail.port')}
              min={1}
              max={65535}
              allowDecimal={false}
              required
              data-testid="mail-port"
              {...form.getInputProps('smtpPort')}
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="mail-security-label">
              {t('mail.security')}
            </Text>
            <SegmentedControl
              aria-labelledby="mail-security-label"
              value={form.values.smtpSecurity}
              onChange={setSecurity}
              data={(['starttls', 'tls', 'none'] as const).map((s) => ({
                value: s,
                label: t(`mail.securityOptions.${s}`),
              }))}
            />
            {form.values.smtpSecurity === 'none' && (
              <Text size="xs" c="orange.8">
                {t('mail.noTlsWarning')}
              </Text>
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('mail.user')}
              autoComplete="off"
              data-testid="mail-user"
              {...form.getInputProps('smtpUser')}
            />
            <Stack gap={4}>
              <PasswordInput
                label={t('mail.password')}
                autoComplete="new-password"
                placeholder={settings.hasPassword ? t('mail.passwordKept') : undefined}
                disabled={form.values.removePassword}
                data-testid="mail-password"
                {...form.getInputProps('smtpPassword')}
              />
              {settings.hasPassword && (
                <Checkbox
                  size="xs"
                  label={t('mail.removePassword')}
                  {...form.getInputProps('removePassword', { type: 'checkbox' })}
                />
              )}
            </Stack>
          </SimpleGrid>
          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('mail.fromName')}
              required
              data-testid="mail-from-name"
              {...form.getInputProps('fromName')}
            />
            <TextInput
              label={t('mail.fromAddress')}
              type="email"
              required
              data-testid="mail-from-address"
              {...form.getInputProps('fromAddress')}
            />
            <TextInput
              label={t('mail.replyTo')}
              description={t('mail.replyToHint')}
              type="email"
              {...form.getInputProps('replyTo')}
            />
          </SimpleGrid>
          <Textarea
            label={t('mail.postalAddress')}
            description={t('mail.postalAddressHint')}
            autosize
            minRows={2}
            {...form.getInputProps('postalAddress')}
          />
          <Divider label={t('mail.dkimTitle')} labelPosition="left" />
          <Text size="sm" c="dimmed">
            {t('mail.dkimHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('mail.dkimDomain')}
              placeholder={t('mail.dkimDomainPlaceholder')}
              {...form.getInputProps('dkimDomain')}
            />
            <TextInput
              label={t('mail.dkimSelector')}
              placeholder={t('mail.dkimSelectorPlaceholder')}
              {...form.getInputProps('dkimSelector')}
            />
          </SimpleGrid>
          <Textarea
            label={t('mail.dkimKey')}
            placeholder={
              settings.hasDkimKey ? t('mail.dkimKeyKept') : '-----BEGIN PRIVATE KEY-----'
            }
            autosize
            minRows={2}
            maxRows={8}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            disabled={form.values.removeDkimKey}
            {...form.getInputProps('dkimPrivateKey')}
          />
          {settings.hasDkimKey && (
            <Checkbox
              size="xs"
              label={t('mail.removeDkimKey')}
              {...form.getInputProps('removeDkimKey', { type: 'checkbox' })}
            />
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
              data-testid="mail-save"
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
          title: t('mail.conflictTitle'),
          text: t('mail.conflictText'),
          reload: t('organization.conflictReload'),
          overwrite: t('organization.conflictOverwrite'),
        }}
      />
    </Paper>
  );
}

/** "Send a test": a mail to any address, and what the SMTP server answered, word for word. */
function TestMail(props: { myEmail: string }) {
  const { t } = useTranslation('settings');
  const send = useSendTestMail();
  const [to, setTo] = useState(props.myEmail);
  const failure = send.error;
  const serverAnswer =
    failure && isApiError(failure, 'smtp_failed') ? String(failure.params.response ?? '') : null;
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('mail.testTitle')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('mail.testTo')}
            type="email"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
            data-testid="mail-test-to"
          />
          <Button
            leftSection={<IconSend size={16} />}
            loading={send.isPending}
            disabled={to.trim() === ''}
            onClick={() => send.mutate(to)}
            data-testid="mail-test-send"
          >
            {t('mail.testSend')}
          </Button>
        </Group>
        {send.isSuccess && (
          <Alert
            color="teal"
            icon={<IconCircleCheck size={18} />}
            title={t('mail.testSent', { to: send.data.accepted.join(', ') })}
            data-testid="mail-test-ok"
          >
            <Text size="sm">{t('mail.serverAnswered')}</Text>
            <Code block>{send.data.response}</Code>
          </Alert>
        )}
        {failure && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title={t('mail.testFailed')}
            data-testid="mail-test-failed"
          >
            {serverAnswer !== null ? (
              <>
                <Text size="sm">{t('mail.serverAnswered')}</Text>
                <Code block>{serverAnswer}</Code>
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
