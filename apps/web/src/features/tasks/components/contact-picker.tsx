import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ContactKind } from '@spotter/contracts';
import { IconBuilding, IconSearch, IconUser } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { crmSettingsQuery } from '../../../lib/crm-reference.ts';
import { formatPhone } from '../../../lib/phone.ts';
import { useContactHits } from '../api/task-settings-read-api.ts';

export interface PickedContact {
  id: string;
  kind: ContactKind;
  name: string;
}

/** Finds a person or company by name or phone on the server and picks one (C-11's search). */
export function ContactPicker(props: {
  label: ReactNode;
  value: PickedContact | null;
  onChange: (contact: PickedContact | null) => void;
  kind?: ContactKind;
  error?: ReactNode;
  required?: boolean;
  testId?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('tasks');
  const region = useQuery(crmSettingsQuery).data?.phoneRegion ?? null;
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search, 250);
  const typing = search !== (props.value?.name ?? '');
  const hits = useContactHits(typing ? term : '', props.kind);
  const found = useMemo(() => {
    const map = new Map<string, PickedContact & { detail: string | null }>();
    if (props.value) map.set(props.value.id, { ...props.value, detail: null });
    for (const h of hits.data?.items ?? []) {
      map.set(h.id, { id: h.id, kind: h.kind, name: h.displayName, detail: h.detail });
    }
    return map;
  }, [hits.data, props.value]);

  return (
    <Select
      label={props.label}
      required={props.required}
      error={props.error}
      searchable
      clearable
      data-autofocus={props.autoFocus || undefined}
      placeholder={t('form.contactPlaceholder')}
      leftSection={<IconSearch size={16} />}
      data={[...found.values()].map((c) => ({ value: c.id, label: c.name }))}
      value={props.value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched name, phone and email; the names alone would hide phone hits.
      filter={({ options }) => options}
      nothingFoundMessage={term.trim() && !hits.isFetching ? t('form.noContacts') : undefined}
      onChange={(id) => props.onChange(id ? (found.get(id) ?? null) : null)}
      renderOption={({ option }) => {
        const c = found.get(option.value);
        return (
          <Group gap="xs" wrap="nowrap">
            {c?.kind === 'company' ? <IconBuilding size={14} /> : <IconUser size={14} />}
            <div>
              <Text size="sm">{option.label}</Text>
              {c?.detail && (
                <Text size="xs" c="dimmed">
                  {formatPhone(c.detail, region)}
                </Text>
              )}
            </div>
          </Group>
        );
      }}
      comboboxProps={{ withinPortal: true }}
      data-testid={props.testId}
    />
  );
}
