import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { passwordChangeSchema } from '@spotter/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useChangePassword } from '../api/auth-api.ts';

const formSchema = passwordChangeSchema
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'mismatch',
  });
type FormValues = z.input<typeof formSchema>;

export function ChangePasswordForm(props: { onDone?: () => void; currentLabel?: string }) {
  const { t } = useTranslation('auth');
  const change = useChangePassword();
  const form = useForm<FormValues>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: zod4Resolver(formSchema),
    validateInputOnBlur: ['confirmPassword'],
  });

  const submit = form.onSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'teal', message: t('passwordChanged') });
          props.onDone?.();
        },
        onError: (err) => form.setErrors(serverFieldErrors(err)),
      },
    ),
  );

  const confirmError = form.errors.confirmPassword;
  const generalError =
    change.isError && Object.keys(serverFieldErrors(change.error)).length === 0
      ? errorMessage(change.error)
      : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" icon={<IconAlertCircle size={18} />}>
            {generalError}
          </Alert>
        )}
        <PasswordInput
          label={props.currentLabel ?? t('currentPassword')}
          autoComplete="current-password"
          required
          data-testid="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('newPassword')}
          description={t('common:validation.passwordRule', { count: 10 })}
          autoComplete="new-password"
          required
          data-testid="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('confirmPassword')}
          autoComplete="new-password"
          required
          data-testid="confirm-password"
          {...form.getInputProps('confirmPassword')}
          error={
            confirmError === 'mismatch' ? t('common:validation.passwordMismatch') : confirmError
          }
        />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
            {t('changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
