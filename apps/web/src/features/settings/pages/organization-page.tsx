import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  organizationInputSchema,
  type Organization,
  type OrganizationInput,
} from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOptions } from '../../../components/language-select.tsx';
import { CurrencySelect, TimezoneSelect } from '../../../components/zone-currency-selects.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useOrganization, useUpdateOrganization } from '../api/organization-api.ts';
import { SettingsSkeleton } from '../components/settings-skeleton.tsx';

const valuesOf = (o: Organization): OrganizationInput => ({
  name: o.name,
  timezone: o.timezone,
  locale: o.locale,
  currency: o.currency,
});

export function OrganizationPage() {
  const org = useOrganization();
  if (org.isPending) return <SettingsSkeleton />;
  if (org.isError) return <QueryError error={org.error} onRetry={() => void org.refetch()} />;
  return <OrganizationForm organization={org.data} />;
}

function OrganizationForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation('settings');
  const update = useUpdateOrganization();
  const org = useOrganization();
  const [conflict, setConflict] = useState<OrganizationInput | null>(null);
  const form = useForm<OrganizationInput>({
    initialValues: valuesOf(organization),
    validate: zod4Resolver(organizationInputSchema),
  });

  const save = (values: OrganizationInput, version: number) =>
    update.mutate(
      { ...values, version },
      {
        onSuccess: (saved) => {
          form.setInitialValues(valuesOf(saved));
          form.reset();
          notifications.show({ color: 'teal', message: t('organization.saved') });
        },
        onError: (err) => {
          if (isApiError(err, 'version_conflict')) setConflict(values);
          else {
            form.setErrors(serverFieldErrors(err));
            notifications.show({ color: 'red', message: errorMessage(err) });
          }
        },
      },
    );

  const reload = async () => {
    setConflict(null);
    const latest = await org.refetch();
    if (latest.data) {
      form.setInitialValues(valuesOf(latest.data));
      form.reset();
    }
  };

  const overwrite = async () => {
    const values = conflict;
    setConflict(null);
    const latest = await org.refetch();
    if (values && latest.data) save(values, latest.data.version);
  };

  return (
    <Paper withBorder p="lg" radius="md" maw={760}>
      <form onSubmit={form.onSubmit((v) => save(v, organization.version))} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('organization.name')}
            required
            data-testid="org-name"
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('organization.language')}
              description={t('organization.languageHint')}
              data={languageOptions}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
            <TimezoneSelect
              label={t('organization.timezone')}
              {...form.getInputProps('timezone')}
            />
            <CurrencySelect
              label={t('organization.currency')}
              {...form.getInputProps('currency')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => form.reset()}
              disabled={!form.isDirty() || update.isPending}
            >
              {t('common:actions.discard')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={conflict !== null}
        onClose={() => setConflict(null)}
        title={t('organization.conflictTitle')}
        size="lg"
        centered
      >
        <Text size="sm">{t('organization.conflictText')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => void reload()} data-autofocus>
            {t('organization.conflictReload')}
          </Button>
          <Button color="orange" onClick={() => void overwrite()}>
            {t('organization.conflictOverwrite')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
