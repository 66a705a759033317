import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
// By file, not the index: the login page's first download holds only the schemas it builds.
import type { Locale } from '@spotter/contracts';
import { loginBodySchema, type LoginBody } from '@spotter/contracts/login';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredCard } from '../../../components/centered-card.tsx';
import { LanguageSelect } from '../../../components/language-select.tsx';
import { isApiError } from '../../../lib/api.ts';
import { setLocale } from '../../../lib/i18n.ts';
import { useTextForm } from '../../../lib/text-form.ts';
import { errorMessage } from '../../../lib/validation.ts';
import { useLogin } from '../api/auth-api.ts';
import { LoginCodeForm } from '../components/login-code-form.tsx';

/** `redirect`: where to go after logging in, already checked to be a path of this app. */
export function LoginPage(props: { redirect: string }) {
  const { t, i18n } = useTranslation('auth');
  const login = useLogin();
  const navigate = useNavigate();
  /** Between the password step and the code step (two-step on). */
  const [codeStep, setCodeStep] = useState(false);
  const [expired, setExpired] = useState(false);
  const form = useTextForm<LoginBody>(loginBodySchema, { email: '', password: '' });
  const done = () => void navigate({ href: props.redirect, replace: true });

  const submit = form.onSubmit((values) => {
    setExpired(false);
    login.mutate(values, {
      onSuccess: (result) => {
        form.setFieldValue('password', '');
        if ('user' in result) done();
        else setCodeStep(true);
      },
      onError: () => form.setFieldValue('password', ''),
    });
  });

  let failure: string | undefined;
  if (login.isError) {
    const err = login.error;
    if (isApiError(err, 'invalid_credentials')) failure = t('invalidCredentials');
    else if (isApiError(err) && err.status === 429) {
      const minutes = Math.max(1, Math.ceil((err.retryAfterSeconds ?? 900) / 60));
      failure = t('tooManyAttempts', { count: minutes });
    } else failure = errorMessage(err);
  }

  const corner = (
    <LanguageSelect value={i18n.language as Locale} onChange={(l) => void setLocale(l)} />
  );
  if (codeStep) {
    return (
      <CenteredCard title={t('codeStep.title')} corner={corner}>
        <LoginCodeForm
          onDone={done}
          onRestart={(wasExpired) => {
            login.reset();
            setExpired(wasExpired);
            setCodeStep(false);
          }}
        />
      </CenteredCard>
    );
  }

  return (
    <CenteredCard title={t('loginTitle')} subtitle={t('loginSubtitle')} corner={corner}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {expired && !failure && (
            <Alert color="yellow" icon={<IconAlertCircle size={18} />} data-testid="login-expired">
              {t('codeStep.expired')}
            </Alert>
          )}
          {failure && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="login-error">
              {failure}
            </Alert>
          )}
          <TextInput
            label={t('email')}
            type="email"
            autoComplete="username"
            autoFocus
            required
            data-testid="login-email"
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('password')}
            autoComplete="current-password"
            required
            data-testid="login-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" size="md" loading={login.isPending} data-testid="login-submit">
            {t('login')}
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
