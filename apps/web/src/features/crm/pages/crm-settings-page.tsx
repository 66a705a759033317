import { Button, Checkbox, Group, NumberInput, Paper, Select, Stack } from '@mantine/core';
import { SettingsFieldset } from '../../../components/settings/settings-fieldset.tsx';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import {
  crmSettingsUpdateSchema,
  EXTRA_REPORT_ROLES,
  ROLES,
  type CrmSettings,
  type NewCallerResponsible,
  type Role,
} from '@spotter/contracts';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useVersionConflict, VersionConflictModal } from '../../../components/version-conflict.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { isApiError } from '../../../lib/api.ts';
import { SettingsSkeleton } from '../../../components/settings/settings-skeleton.tsx';
import { useCrmSettings, useUpdateCrmSettings } from '../api/crm-settings-api.ts';
import { NewCallerFields } from '../components/new-caller-fields.tsx';
import { countryOptions } from '../components/country-options.ts';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import { formatClock } from '../../../lib/format.ts';

type CrmValues = {
  /** '' while the input is empty: the schema then says "Required". */
  trashRetentionDays: number | string;
  /** Younger than this is a minor (issue 17); '' while the input is empty. */
  adultAge: number | string;
  phoneRegion: string | null;
  workdayStart: string;
  /** '' while no end is set (the native time input's empty value). */
  workdayEnd: string;
  /** FIRST_STATUS while the first person status by order applies. */
  newCallerStatusId: string;
  newCallerResponsible: NewCallerResponsible;
  /** Who uses the CRM at all, and who can be chosen as responsible or deal owner (U-2). */
  crmRoles: Role[];
  responsibleRoles: Role[];
  /** Who sees the reports and the team's numbers besides owners, admins and managers. */
  reportRoles: Role[];
};

const FIRST_STATUS = 'first';

const validateCrm = zod4Resolver(crmSettingsUpdateSchema.omit({ version: true }).required());

const valuesOf = (s: CrmSettings): CrmValues => ({
  trashRetentionDays: s.trashRetentionDays,
  adultAge: s.adultAge,
  phoneRegion: s.phoneRegion,
  workdayStart: s.workdayStart,
  workdayEnd: s.workdayEnd ?? '',
  newCallerStatusId: s.newCallerStatusId ?? FIRST_STATUS,
  newCallerResponsible: s.newCallerResponsible,
  crmRoles: s.crmRoles,
  responsibleRoles: s.responsibleRoles,
  reportRoles: s.reportRoles,
});

/** The form's values as the API takes them: no end is null. */
const bodyOf = (values: CrmValues) => ({
  trashRetentionDays: Number(values.trashRetentionDays),
  adultAge: Number(values.adultAge),
  phoneRegion: values.phoneRegion,
  workdayStart: values.workdayStart,
  workdayEnd: values.workdayEnd || null,
  newCallerStatusId: values.newCallerStatusId === FIRST_STATUS ? null : values.newCallerStatusId,
  newCallerResponsible: values.newCallerResponsible,
  crmRoles: values.crmRoles,
  responsibleRoles: values.responsibleRoles,
  reportRoles: values.reportRoles,
});

/**
 * The CRM's general settings: how long the trash keeps records, the phone region, and the
 * club's working day (when day-based next steps are due).
 */
export function CrmSettingsPage() {
  const settings = useCrmSettings();
  if (settings.isPending) return <SettingsSkeleton />;
  if (settings.isError) {
    return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  return <CrmSettingsForm settings={settings.data} />;
}

function CrmSettingsForm({ settings }: { settings: CrmSettings }) {
  const { t, i18n } = useTranslation('crm');
  const update = useUpdateCrmSettings();
  const current = useCrmSettings();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const form = useForm<CrmValues>({
    initialValues: valuesOf(settings),
    validate: (values) => {
      const errors = validateCrm(bodyOf(values));
      // A number out of range deserves more than the generic "Required" / "not valid".
      if (errors.trashRetentionDays && values.trashRetentionDays !== '') {
        errors.trashRetentionDays = t('crmSettings.retentionRange');
      }
      if (errors.adultAge && values.adultAge !== '') {
        errors.adultAge = t('crmSettings.adultAgeRange');
      }
      const { workdayStart: start, workdayEnd: end } = values;
      if (!errors.workdayStart && !errors.workdayEnd && end && end <= start) {
        errors.workdayEnd = t('common:validation.beforeStart', { min: formatClock(start) });
      }
      if (
        !errors.responsibleRoles &&
        values.responsibleRoles.some((r) => !values.crmRoles.includes(r))
      ) {
        errors.responsibleRoles = t('crmSettings.responsibleOutside');
      }
      return errors;
    },
  });

  const save = (values: CrmValues, version: number) =>
    update.mutate(
      { ...bodyOf(values), version },
      {
        onSuccess: (saved) => {
          form.setInitialValues(valuesOf(saved));
          form.reset();
          notifySaved(t('crmSettings.saved'));
        },
        onError: (err) => {
          if (isApiError(err, 'version_conflict')) conflict.onConflict(values);
          else showFailure(err, form.setErrors);
        },
      },
    );

  const conflict = useVersionConflict({
    refetch: () => current.refetch(),
    reset: (latest) => {
      form.setInitialValues(valuesOf(latest));
      form.reset();
    },
    save: (values: CrmValues, version) => save(values, version),
  });

  return (
    <Paper withBorder p="lg" radius="md" maw={760}>
      <form onSubmit={form.onSubmit((v) => save(v, settings.version))} noValidate>
        <Stack gap="md">
          <NumberInput
            label={t('crmSettings.retention')}
            description={t('crmSettings.retentionHint')}
            min={1}
            max={3650}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            suffix={` ${t('crmSettings.daysSuffix')}`}
            maw={320}
            required
            data-testid="crm-retention"
            {...form.getInputProps('trashRetentionDays')}
          />
          <NumberInput
            label={t('crmSettings.adultAge')}
            description={t('crmSettings.adultAgeHint')}
            min={1}
            max={30}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            suffix={` ${t('crmSettings.yearsSuffix')}`}
            maw={320}
            required
            data-testid="crm-adult-age"
            {...form.getInputProps('adultAge')}
          />
          <Select
            label={t('crmSettings.phoneRegion')}
            description={t('crmSettings.phoneRegionHint')}
            data={countries}
            searchable
            clearable
            nothingFoundMessage={t('common:states.nothingFound')}
            maw={420}
            comboboxProps={{ withinPortal: true }}
            data-testid="crm-phone-region"
            {...form.getInputProps('phoneRegion')}
          />
          <SettingsFieldset legend={t('crmSettings.workday')} hint={t('crmSettings.workdayHint')}>
            <TimeInput
              label={t('crmSettings.workdayStart')}
              w={240}
              required
              data-testid="crm-workday-start"
              {...form.getInputProps('workdayStart')}
            />
            <TimeInput
              label={t('crmSettings.workdayEnd')}
              w={240}
              data-testid="crm-workday-end"
              {...form.getInputProps('workdayEnd')}
            />
          </SettingsFieldset>
          <SettingsFieldset legend={t('crmSettings.roles')} hint={t('crmSettings.rolesHint')}>
            <Stack gap="md">
              <Checkbox.Group
                label={t('crmSettings.crmRoles')}
                description={t('crmSettings.crmRolesHint')}
                data-testid="crm-roles"
                {...form.getInputProps('crmRoles')}
                onChange={(roles) => {
                  const chosen = roles as Role[];
                  form.setFieldValue('crmRoles', chosen);
                  // Someone who cannot open the CRM cannot be responsible in it either.
                  form.setFieldValue(
                    'responsibleRoles',
                    form.values.responsibleRoles.filter((r) => chosen.includes(r)),
                  );
                  // Reports are part of the CRM: a role outside it sees none.
                  form.setFieldValue(
                    'reportRoles',
                    form.values.reportRoles.filter((r) => chosen.includes(r)),
                  );
                }}
              >
                <Group gap="md" mt={6}>
                  {ROLES.map((role) => (
                    <Checkbox key={role} value={role} label={t(`common:roles.${role}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Checkbox.Group
                label={t('crmSettings.responsibleRoles')}
                description={t('crmSettings.responsibleRolesHint')}
                data-testid="crm-responsible-roles"
                {...form.getInputProps('responsibleRoles')}
              >
                <Group gap="md" mt={6}>
                  {ROLES.map((role) => (
                    <Checkbox
                      key={role}
                      value={role}
                      label={t(`common:roles.${role}`)}
                      disabled={!form.values.crmRoles.includes(role)}
                    />
                  ))}
                </Group>
              </Checkbox.Group>
              <Checkbox.Group
                label={t('crmSettings.reportRoles')}
                description={t('crmSettings.reportRolesHint')}
                data-testid="crm-report-roles"
                {...form.getInputProps('reportRoles')}
              >
                <Group gap="md" mt={6}>
                  {EXTRA_REPORT_ROLES.map((role) => (
                    <Checkbox
                      key={role}
                      value={role}
                      label={t(`common:roles.${role}`)}
                      disabled={!form.values.crmRoles.includes(role)}
                    />
                  ))}
                </Group>
              </Checkbox.Group>
            </Stack>
          </SettingsFieldset>
          <NewCallerFields
            status={form.getInputProps('newCallerStatusId')}
            responsible={form.getInputProps('newCallerResponsible')}
            first={FIRST_STATUS}
          />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => form.reset()}
              disabled={!form.isDirty() || update.isPending}
            >
              {t('common:actions.discard')}
            </Button>
            <Button
              type="submit"
              loading={update.isPending}
              disabled={!form.isDirty()}
              data-testid="crm-save"
            >
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
          title: t('crmSettings.conflictTitle'),
          text: t('crmSettings.conflictText'),
          reload: t('crmSettings.conflictReload'),
          overwrite: t('crmSettings.conflictOverwrite'),
        }}
      />
    </Paper>
  );
}
