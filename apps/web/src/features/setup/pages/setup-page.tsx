import {
  Alert,
  Button,
  Checkbox,
  Divider,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { organizationInputSchema, ownerInputSchema, type Locale } from '@spotter/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CenteredCard } from '../../../components/centered-card.tsx';
import { languageOptions } from '../../../components/language-select.tsx';
import { CurrencySelect, TimezoneSelect } from '../../../components/zone-currency-selects.tsx';
import { deviceLocale, setLocale } from '../../../lib/i18n.ts';
import { DEFAULT_CURRENCY, browserTimezone } from '../../../lib/intl-options.ts';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useSetup } from '../api/setup-api.ts';

const setupFormSchema = z
  .object({
    organization: organizationInputSchema,
    owner: ownerInputSchema.extend({ confirmPassword: z.string() }),
    demoData: z.boolean(),
  })
  .refine((v) => v.owner.password === v.owner.confirmPassword, {
    path: ['owner', 'confirmPassword'],
    message: 'mismatch',
  });

type SetupForm = z.input<typeof setupFormSchema>;

export function SetupPage() {
  const { t } = useTranslation('setup');
  const setup = useSetup();
  const navigate = useNavigate();
  const [currencyTouched, setCurrencyTouched] = useState(false);
  const initialLocale = deviceLocale();

  const form = useForm<SetupForm>({
    mode: 'controlled',
    initialValues: {
      organization: {
        name: '',
        timezone: browserTimezone(),
        locale: initialLocale,
        currency: DEFAULT_CURRENCY[initialLocale],
      },
      owner: { name: '', email: '', password: '', confirmPassword: '' },
      demoData: false,
    },
    validate: zod4Resolver(setupFormSchema),
    validateInputOnBlur: true,
  });

  const onLocaleChange = (value: string | null) => {
    if (!value) return;
    const locale = value as Locale;
    form.setFieldValue('organization.locale', locale);
    if (!currencyTouched) form.setFieldValue('organization.currency', DEFAULT_CURRENCY[locale]);
    void setLocale(locale);
  };

  const submit = form.onSubmit((values) => {
    const { confirmPassword: _confirm, ...owner } = values.owner;
    setup.mutate(
      { organization: values.organization, owner, demoData: values.demoData },
      {
        onSuccess: () => void navigate({ to: '/' }),
        onError: (err) => form.setErrors(serverFieldErrors(err)),
      },
    );
  });

  const confirmError = form.errors['owner.confirmPassword'];

  return (
    <CenteredCard title={t('title')} subtitle={t('subtitle')} width={640}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {setup.isError && (
            <Alert color="red" icon={<IconAlertCircle size={18} />}>
              {errorMessage(setup.error)}
            </Alert>
          )}
          <Divider label={t('clubSection')} labelPosition="left" />
          <TextInput
            label={t('orgName')}
            description={t('orgNameHint')}
            required
            autoFocus
            data-testid="org-name"
            {...form.getInputProps('organization.name')}
          />
          {/* Two columns, not three: a currency reads "SEK — svensk krona", which a third of the card cut off. */}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('language')}
              data={languageOptions}
              allowDeselect={false}
              required
              data-testid="org-locale"
              {...form.getInputProps('organization.locale')}
              onChange={onLocaleChange}
            />
            <TimezoneSelect
              label={t('timezone')}
              required
              data-testid="org-timezone"
              {...form.getInputProps('organization.timezone')}
            />
            <CurrencySelect
              label={t('currency')}
              required
              data-testid="org-currency"
              {...form.getInputProps('organization.currency')}
              onChange={(v) => {
                setCurrencyTouched(true);
                form.setFieldValue('organization.currency', v ?? '');
              }}
            />
          </SimpleGrid>
          <Divider label={t('ownerSection')} labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('ownerName')}
              required
              autoComplete="name"
              data-testid="owner-name"
              {...form.getInputProps('owner.name')}
            />
            <TextInput
              label={t('ownerEmail')}
              type="email"
              required
              autoComplete="email"
              data-testid="owner-email"
              {...form.getInputProps('owner.email')}
            />
            <PasswordInput
              label={t('password')}
              description={t('common:validation.passwordRule', { count: 10 })}
              required
              autoComplete="new-password"
              data-testid="owner-password"
              {...form.getInputProps('owner.password')}
            />
            <PasswordInput
              label={t('confirmPassword')}
              required
              autoComplete="new-password"
              data-testid="owner-confirm-password"
              {...form.getInputProps('owner.confirmPassword')}
              error={
                confirmError === 'mismatch' ? t('common:validation.passwordMismatch') : confirmError
              }
            />
          </SimpleGrid>
          <Checkbox
            label={t('demoData')}
            description={t('demoDataHint')}
            data-testid="demo-data"
            {...form.getInputProps('demoData', { type: 'checkbox' })}
          />
          <Text size="xs" c="dimmed">
            {t('afterwards')}
          </Text>
          <Button type="submit" size="md" loading={setup.isPending} data-testid="setup-submit">
            {t('submit')}
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
