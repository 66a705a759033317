import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { loginCodeBodySchema, type LoginCodeBody } from '@spotter/contracts/login';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api.ts';
import { useTextForm } from '../../../lib/text-form.ts';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useLoginCode } from '../api/auth-api.ts';

/**
 * The second step of a login: six digits from the app, or a recovery code. An expired login
 * (or one with too many wrong codes) goes back to the password.
 */
export function LoginCodeForm(props: {
  onDone: () => void;
  onRestart: (expired: boolean) => void;
}) {
  const { t } = useTranslation('auth');
  const step = useLoginCode();
  const form = useTextForm<LoginCodeBody>(loginCodeBodySchema, { code: '' });

  const submit = form.onSubmit(({ code }) =>
    step.mutate(code, {
      onSuccess: props.onDone,
      onError: (err) => {
        if (isApiError(err, 'login_expired')) props.onRestart(true);
        else form.setErrors(serverFieldErrors(err));
      },
    }),
  );

  let failure: string | undefined;
  if (step.isError && Object.keys(serverFieldErrors(step.error)).length === 0) {
    const err = step.error;
    if (isApiError(err) && err.status === 429) {
      const minutes = Math.max(1, Math.ceil((err.retryAfterSeconds ?? 60) / 60));
      failure = t('tooManyAttempts', { count: minutes });
    } else if (!isApiError(err, 'login_expired')) failure = errorMessage(err);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('codeStep.text')}</Text>
        {failure && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="login-error">
            {failure}
          </Alert>
        )}
        <TextInput
          label={t('codeStep.label')}
          description={t('codeStep.hint')}
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={40}
          styles={{ input: { fontFamily: 'monospace', fontSize: 18, letterSpacing: 2 } }}
          data-testid="login-code"
          {...form.getInputProps('code')}
        />
        <Button type="submit" size="md" loading={step.isPending} data-testid="login-code-submit">
          {t('codeStep.submit')}
        </Button>
        <Group justify="center">
          <Anchor component="button" type="button" size="sm" onClick={() => props.onRestart(false)}>
            {t('codeStep.restart')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
