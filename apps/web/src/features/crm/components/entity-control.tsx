import { SegmentedControl } from '@mantine/core';
import type { ContactKind } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';

/** Persons or companies: statuses and custom fields are configured for each separately. */
export function EntityControl(props: {
  value: ContactKind;
  onChange: (value: ContactKind) => void;
}) {
  const { t } = useTranslation('crm');
  return (
    <SegmentedControl
      value={props.value}
      onChange={(v) => props.onChange(v === 'company' ? 'company' : 'person')}
      data={[
        { value: 'person', label: t('entity.person') },
        { value: 'company', label: t('entity.company') },
      ]}
      aria-label={t('entity.label')}
      data-testid="entity-control"
    />
  );
}
