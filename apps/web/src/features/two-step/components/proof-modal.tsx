import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TwoStepProof } from '@spotter/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { CodeField } from './code-field.tsx';

/**
 * Asks for the password or a current code before turning two-step off or renewing the
 * recovery codes: an unattended open session must not be enough.
 */
export function ProofModal(props: {
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  loading: boolean;
  error: unknown;
  onSubmit: (proof: TwoStepProof) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('twoStep');
  const [by, setBy] = useState<'code' | 'password'>('code');
  const form = useForm({ initialValues: { code: '', password: '' } });
  const fieldErrors = serverFieldErrors(props.error);
  const failure =
    props.error && Object.keys(fieldErrors).length === 0 ? errorMessage(props.error) : undefined;

  const submit = form.onSubmit((v) => {
    const value = by === 'code' ? v.code.trim() : v.password;
    if (!value) {
      form.setFieldError(by, t('common:validation.required'));
      return;
    }
    props.onSubmit(by === 'code' ? { code: value } : { password: value });
  });

  return (
    <Modal opened onClose={props.onClose} title={props.title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{props.text}</Text>
          {failure && (
            <Alert color="red" icon={<IconAlertCircle size={18} />}>
              {failure}
            </Alert>
          )}
          <SegmentedControl
            value={by}
            onChange={(v) => setBy(v as 'code' | 'password')}
            data={[
              { value: 'code', label: t('proof.byCode') },
              { value: 'password', label: t('proof.byPassword') },
            ]}
          />
          {by === 'code' ? (
            <CodeField
              data-testid="proof-code"
              data-autofocus
              {...form.getInputProps('code')}
              error={form.errors.code ?? fieldErrors.code}
            />
          ) : (
            <PasswordInput
              label={t('proof.password')}
              autoComplete="current-password"
              required
              data-testid="proof-password"
              data-autofocus
              {...form.getInputProps('password')}
              error={form.errors.password ?? fieldErrors.password}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              type="submit"
              color={props.danger ? 'red' : undefined}
              loading={props.loading}
              data-testid="proof-submit"
            >
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
