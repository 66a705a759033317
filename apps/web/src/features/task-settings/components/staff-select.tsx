import { Select, type SelectProps } from '@mantine/core';
import { useStaff } from '../../../lib/crm-reference.ts';

/** Active staff; someone already chosen who has since left still shows by name. */
export function StaffSelect({ testId, ...props }: Omit<SelectProps, 'data'> & { testId?: string }) {
  const staff = useStaff();
  const data = (staff.data?.items ?? [])
    .filter((s) => s.active || s.id === props.value)
    .map((s) => ({ value: s.id, label: s.name }));
  return (
    <Select
      {...props}
      data={data}
      searchable
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
