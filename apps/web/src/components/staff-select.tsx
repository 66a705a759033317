import { Select, type SelectProps } from '@mantine/core';
import type { StaffMember } from '@spotter/contracts';
import { useStaff } from '../lib/crm-reference.ts';

/**
 * Active staff, only those `eligible` when given (e.g. who work with tasks); someone already
 * chosen who has since left still shows by name.
 */
export function StaffSelect({
  testId,
  eligible,
  ...props
}: Omit<SelectProps, 'data'> & { testId?: string; eligible?: (member: StaffMember) => boolean }) {
  const staff = useStaff();
  const data = (staff.data?.items ?? [])
    .filter((s) => (s.active && (eligible?.(s) ?? true)) || s.id === props.value)
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
