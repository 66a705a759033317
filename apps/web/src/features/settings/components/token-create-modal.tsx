import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { apiTokenCreateSchema, type ApiTokenCreate } from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretReveal } from '../../../components/secret-reveal.tsx';
import { serverFieldErrors } from '../../../lib/validation.ts';
import { useCreateApiToken } from '../api/api-tokens-api.ts';

export function TokenCreateModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const create = useCreateApiToken();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<ApiTokenCreate>({
    initialValues: { name: '' },
    validate: zod4Resolver(apiTokenCreateSchema),
  });

  const close = () => {
    form.reset();
    setSecret(null);
    create.reset();
    props.onClose();
  };

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={secret ? t('tokens.createdTitle') : t('tokens.add')}
      size="lg"
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
        <form
          onSubmit={form.onSubmit((v) =>
            create.mutate(v, {
              onSuccess: (res) => setSecret(res.secret),
              onError: (err) => form.setErrors(serverFieldErrors(err)),
            }),
          )}
          noValidate
        >
          <Stack>
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              required
              data-autofocus
              data-testid="token-name"
              {...form.getInputProps('name')}
            />
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
