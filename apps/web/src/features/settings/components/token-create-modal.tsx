import {
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { TOKEN_PERMISSIONS, TOKEN_SCOPES, type TokenScope } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretReveal } from '../../../components/secret-reveal.tsx';
import { serverFieldErrors } from '../../../lib/validation.ts';
import { useCreateApiToken } from '../api/api-tokens-api.ts';

interface TokenForm {
  name: string;
  scopes: TokenScope[];
  expires: 'never' | 'date';
  /** `YYYY-MM-DD`: the last day the token works. */
  lastDay: string;
}

const tomorrow = () => {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The token works through its last day: it ends when the next day begins, here. */
const endOfDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
};

export function TokenCreateModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const create = useCreateApiToken();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<TokenForm>({
    initialValues: {
      name: '',
      scopes: TOKEN_SCOPES.filter((s) => TOKEN_PERMISSIONS.includes(s)),
      expires: 'never',
      lastDay: '',
    },
    validate: {
      name: (v) => (v.trim() ? null : t('common:validation.required')),
      scopes: (v) => (v.length > 0 ? null : t('tokens.scopesRequired')),
      lastDay: (v, values) =>
        values.expires === 'never' || (v && v >= tomorrow()) ? null : t('tokens.expiryFuture'),
    },
  });

  const close = () => {
    form.reset();
    setSecret(null);
    create.reset();
    props.onClose();
  };

  const submit = (v: TokenForm) =>
    create.mutate(
      {
        name: v.name.trim(),
        scopes: v.scopes,
        expiresAt: v.expires === 'date' ? endOfDay(v.lastDay) : null,
      },
      {
        onSuccess: (res) => setSecret(res.secret),
        onError: (err) => {
          const { expiresAt, ...rest } = serverFieldErrors(err);
          form.setErrors(expiresAt ? { ...rest, lastDay: expiresAt } : rest);
        },
      },
    );

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={secret ? t('tokens.createdTitle') : t('tokens.add')}
      size="xl"
      centered
      closeOnClickOutside={!secret}
    >
      {secret ? (
        <Stack>
          <SecretReveal value={secret} note={t('tokens.secretNote')} testId="token-secret" />
          <Text size="sm" c="dimmed">
            {t('tokens.usage')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close} data-testid="token-created-done">
              {t('common:actions.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              required
              data-autofocus
              data-testid="token-name"
              {...form.getInputProps('name')}
            />
            <Checkbox.Group
              label={t('tokens.scopes')}
              description={t('tokens.scopesHint')}
              required
              {...form.getInputProps('scopes')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
                {TOKEN_SCOPES.map((scope) => (
                  <Checkbox
                    key={scope}
                    value={scope}
                    label={t(`tokens.scope.${scope}.label`)}
                    description={t(`tokens.scope.${scope}.text`)}
                    data-testid={`token-scope-${scope}`}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Radio.Group label={t('tokens.expiry')} {...form.getInputProps('expires')}>
              <Group mt="xs">
                <Radio
                  value="never"
                  label={t('tokens.expiryNever')}
                  data-testid="token-expiry-never"
                />
                <Radio
                  value="date"
                  label={t('tokens.expiryDate')}
                  data-testid="token-expiry-date"
                />
              </Group>
            </Radio.Group>
            {form.values.expires === 'date' && (
              <TextInput
                type="date"
                label={t('tokens.lastDay')}
                min={tomorrow()}
                required
                maw={240}
                data-testid="token-last-day"
                {...form.getInputProps('lastDay')}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="token-save">
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
