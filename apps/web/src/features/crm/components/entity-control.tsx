import { Group, SegmentedControl } from '@mantine/core';
import type { ContactKind } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { ArchivedToggle } from '../../../components/settings/archived-toggle.tsx';

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

/** The filters of a list kept per entity: person or company, and whether archived ones show. */
export function EntityArchivedControls(props: {
  entity: ContactKind;
  onEntityChange: (entity: ContactKind) => void;
  archivedCount: number;
  showArchived: boolean;
  onShowArchivedChange: (show: boolean) => void;
}) {
  return (
    <Group gap="md">
      <EntityControl value={props.entity} onChange={props.onEntityChange} />
      <ArchivedToggle
        count={props.archivedCount}
        checked={props.showArchived}
        onChange={props.onShowArchivedChange}
      />
    </Group>
  );
}
