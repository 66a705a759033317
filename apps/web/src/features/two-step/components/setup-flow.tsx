import { Alert, Anchor, Button, Center, Code, Image, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { twoStepConfirmSchema, type TwoStepConfirm, type TwoStepSetup } from '@spotter/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useBeginSetup, useConfirmSetup, useRefreshTwoStep } from '../api/two-step-api.ts';
import { CodeField } from './code-field.tsx';
import { RecoveryCodesView } from './recovery-codes-view.tsx';

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?!$)/g, '$1 ');

/**
 * Turning two-step on: a new secret (QR code and text), the first code that proves the app has
 * it, then the recovery codes, shown once.
 */
export function SetupFlow(props: { onDone?: () => void }) {
  const { t } = useTranslation('twoStep');
  const begin = useBeginSetup();
  const confirm = useConfirmSetup();
  const refresh = useRefreshTwoStep();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [manual, setManual] = useState(false);
  const form = useForm<TwoStepConfirm>({
    initialValues: { code: '' },
    validate: zod4Resolver(twoStepConfirmSchema),
  });

  useEffect(() => {
    begin.mutate();
    // Once per mount: each call makes a new secret.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (codes) {
    return (
      <RecoveryCodesView codes={codes} onDone={() => void refresh().then(() => props.onDone?.())} />
    );
  }
  if (begin.isError) {
    return (
      <Alert color="red" icon={<IconAlertCircle size={18} />}>
        {errorMessage(begin.error)}
      </Alert>
    );
  }
  const setup: TwoStepSetup | undefined = begin.data;
  const submit = form.onSubmit(({ code }) =>
    confirm.mutate(code, {
      onSuccess: (r) => setCodes(r.recoveryCodes),
      onError: (err) => form.setErrors(serverFieldErrors(err)),
    }),
  );
  const failure =
    confirm.isError && Object.keys(serverFieldErrors(confirm.error)).length === 0
      ? errorMessage(confirm.error)
      : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('setup.scan')}</Text>
        <Center mih={200}>
          {setup && (
            <Image
              src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
              alt={t('setup.qrAlt')}
              w={200}
              h={200}
              data-testid="two-step-qr"
            />
          )}
        </Center>
        {manual ? (
          <Stack gap={4}>
            <Text size="sm">{t('setup.manualText')}</Text>
            <Code
              fz="md"
              py={6}
              ta="center"
              style={{ wordBreak: 'break-all' }}
              data-testid="two-step-secret"
              data-secret={setup?.secret}
            >
              {setup ? grouped(setup.secret) : ''}
            </Code>
          </Stack>
        ) : (
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setManual(true)}
            data-testid="two-step-manual"
          >
            {t('setup.manual')}
          </Anchor>
        )}
        {failure && (
          <Alert color="red" icon={<IconAlertCircle size={18} />}>
            {failure}
          </Alert>
        )}
        <CodeField data-testid="two-step-code" {...form.getInputProps('code')} />
        <Button
          type="submit"
          disabled={!setup}
          loading={confirm.isPending}
          data-testid="two-step-confirm"
        >
          {t('setup.confirm')}
        </Button>
      </Stack>
    </form>
  );
}
