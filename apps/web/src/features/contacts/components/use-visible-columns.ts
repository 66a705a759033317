import { useLocalStorage } from '@mantine/hooks';
import type { ContactKind } from '@spotter/contracts';
import { useMemo } from 'react';
import type { Column } from './columns.tsx';

/**
 * Which optional columns show, remembered per user and kind on this device. Only the user's
 * changes are stored, so columns added later (new custom fields) start at their default.
 */
export function useVisibleColumns(kind: ContactKind, userId: string, all: Column[]) {
  const [overrides, setOverrides] = useLocalStorage<Record<string, boolean>>({
    key: `spotter.contacts.columns.${kind}.${userId}`,
    defaultValue: {},
    getInitialValueInEffect: false,
  });
  const visible = useMemo(
    () => all.filter((c) => !c.optional || (overrides[c.key] ?? c.defaultVisible)),
    [all, overrides],
  );
  return {
    visible,
    isVisible: (c: Column) => !c.optional || (overrides[c.key] ?? c.defaultVisible),
    toggle: (c: Column, on: boolean) => setOverrides((o) => ({ ...o, [c.key]: on })),
    reset: () => setOverrides({}),
  };
}
