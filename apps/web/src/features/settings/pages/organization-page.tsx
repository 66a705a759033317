import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  organizationInputSchema,
  type Organization,
  type OrganizationInput,
} from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { useVersionConflict, VersionConflictModal } from '../../../components/version-conflict.tsx';
import { languageOptions } from '../../../components/language-select.tsx';
import { CurrencySelect, TimezoneSelect } from '../../../components/zone-currency-selects.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useOrganization, useUpdateOrganization } from '../api/organization-api.ts';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { TwoStepPolicy } from '../components/two-step-policy.tsx';

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
  return (
    <>
      <OrganizationForm organization={org.data} />
      <TwoStepPolicy organization={org.data} />
    </>
  );
}

function OrganizationForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation('settings');
  const update = useUpdateOrganization();
  const org = useOrganization();
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
          if (isApiError(err, 'version_conflict')) conflict.onConflict(values);
          else {
            form.setErrors(serverFieldErrors(err));
            notifications.show({ color: 'red', message: errorMessage(err) });
          }
        },
      },
    );

  const conflict = useVersionConflict({
    refetch: () => org.refetch(),
    reset: (latest) => {
      form.setInitialValues(valuesOf(latest));
      form.reset();
    },
    save: (values: OrganizationInput, version) => save(values, version),
  });

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
          {/* Two columns, not three: a currency reads "SEK — svensk krona", which a third of the card cut off. */}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
      <VersionConflictModal
        opened={conflict.conflict !== null}
        onClose={conflict.dismiss}
        onReload={() => void conflict.reload()}
        onOverwrite={() => void conflict.overwrite()}
        labels={{
          title: t('organization.conflictTitle'),
          text: t('organization.conflictText'),
          reload: t('organization.conflictReload'),
          overwrite: t('organization.conflictOverwrite'),
        }}
      />
    </Paper>
  );
}
