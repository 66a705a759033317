import { Select } from '@mantine/core';
import { SettingsFieldset } from '../../../components/settings/settings-fieldset.tsx';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { statusesQuery } from '../../../lib/crm-reference.ts';

/**
 * What a person added from "New call" gets (issue 10): a status (the first by order unless
 * chosen) and, as responsible, the staff member who took the call or nobody.
 */
export function NewCallerFields(props: {
  status: GetInputPropsReturnType;
  responsible: GetInputPropsReturnType;
  /** The status value that stands for "the first status by order". */
  first: string;
}) {
  const { t } = useTranslation('crm');
  const statuses = useQuery(statusesQuery('person')).data?.items ?? [];
  const firstName = statuses[0]?.name;
  const statusData = [
    {
      value: props.first,
      label: firstName
        ? t('crmSettings.newCallerFirstNamed', { name: firstName })
        : t('crmSettings.newCallerFirst'),
    },
    ...statuses.map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <SettingsFieldset legend={t('crmSettings.newCaller')} hint={t('crmSettings.newCallerHint')}>
      <Select
        label={t('crmSettings.newCallerStatus')}
        data={statusData}
        allowDeselect={false}
        w={300}
        comboboxProps={{ withinPortal: true }}
        data-testid="crm-new-caller-status"
        {...props.status}
      />
      <Select
        label={t('crmSettings.newCallerResponsible')}
        data={[
          { value: 'taker', label: t('crmSettings.newCallerTaker') },
          { value: 'none', label: t('crmSettings.newCallerNobody') },
        ]}
        allowDeselect={false}
        w={300}
        comboboxProps={{ withinPortal: true }}
        data-testid="crm-new-caller-responsible"
        {...props.responsible}
      />
    </SettingsFieldset>
  );
}
