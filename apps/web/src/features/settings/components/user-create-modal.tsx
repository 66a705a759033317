import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { userCreateSchema, type UserCreate } from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SecretReveal } from '../../../components/secret-reveal.tsx';
import { LANGUAGE_NAMES } from '../../../lib/i18n.ts';
import { serverFieldErrors } from '../../../lib/validation.ts';
import { useBranches } from '../api/branches-api.ts';
import { useCreateUser } from '../api/users-api.ts';
import { roleOptions } from './role-options.ts';

/** The form keeps "" for "the organization's language"; the API wants null. */
const formSchema = userCreateSchema.extend({ locale: z.string() });
type FormValues = Omit<UserCreate, 'locale'> & { locale: string };

const initialValues: FormValues = {
  name: '',
  email: '',
  role: 'reception',
  locale: '',
  branchIds: [],
};

export function UserCreateModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const create = useCreateUser();
  const branches = useBranches(false);
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);
  const form = useForm<FormValues>({ initialValues, validate: zod4Resolver(formSchema) });

  const close = () => {
    form.reset();
    setCreated(null);
    create.reset();
    props.onClose();
  };

  const submit = form.onSubmit(({ locale, ...values }) =>
    create.mutate(
      { ...values, locale: locale === '' ? null : (locale as UserCreate['locale']) },
      {
        onSuccess: (res) => setCreated({ name: res.user.name, password: res.temporaryPassword }),
        onError: (err) => form.setErrors(serverFieldErrors(err)),
      },
    ),
  );

  const languageData = [
    { value: '', label: t('users.orgLanguage') },
    ...Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label })),
  ];

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={created ? t('users.createdTitle', { name: created.name }) : t('users.add')}
      size="lg"
      centered
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack>
          <Text size="sm">{t('users.createdText')}</Text>
          <SecretReveal
            value={created.password}
            note={t('users.temporaryPasswordNote')}
            testId="temporary-password"
          />
          <Group justify="flex-end">
            <Button onClick={close} data-testid="user-created-done">
              {t('common:actions.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('users.name')}
                required
                data-autofocus
                data-testid="user-name"
                {...form.getInputProps('name')}
              />
              <TextInput
                label={t('users.email')}
                type="email"
                required
                data-testid="user-email"
                {...form.getInputProps('email')}
              />
              <Select
                label={t('users.role')}
                data={roleOptions(t)}
                allowDeselect={false}
                required
                data-testid="user-role"
                {...form.getInputProps('role')}
              />
              <Select
                label={t('users.language')}
                data={languageData}
                allowDeselect={false}
                {...form.getInputProps('locale')}
              />
            </SimpleGrid>
            <MultiSelect
              label={t('users.branches')}
              description={t('users.branchesHint')}
              placeholder={t('users.allBranches')}
              data={(branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
              searchable
              clearable
              {...form.getInputProps('branchIds')}
            />
            <Text size="xs" c="dimmed">
              {t('users.roleHint')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="user-save">
                {t('users.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
