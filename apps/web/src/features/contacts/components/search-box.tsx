import {
  Combobox,
  Group,
  Kbd,
  Loader,
  Text,
  TextInput,
  ThemeIcon,
  useCombobox,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { SearchHit } from '@spotter/contracts';
import { IconBuilding, IconSearch, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorBadge } from '../../../components/status-badge.tsx';
import { crmSettingsQuery, useStatuses } from '../../../lib/crm-reference.ts';
import { usePhoneFormatter } from '../../../lib/phone-on-demand.ts';
import type { formatPhone } from '../../../lib/phone.ts';
import { useContactSearch } from '../api/contacts-list-api.ts';

function HitRow(props: { hit: SearchHit; region: string | null; format: typeof formatPhone }) {
  const { hit, region, format } = props;
  const statuses = useStatuses();
  const status = hit.statusId ? statuses.data?.items.find((s) => s.id === hit.statusId) : undefined;
  const Icon = hit.kind === 'person' ? IconUser : IconBuilding;
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon
        size={28}
        radius="xl"
        variant="light"
        color={hit.kind === 'person' ? 'blue' : 'grape'}
      >
        <Icon size={16} />
      </ThemeIcon>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {hit.displayName}
        </Text>
        {hit.detail && (
          <Text size="xs" opacity={0.7} truncate>
            {format(hit.detail, region)}
          </Text>
        )}
      </div>
      {status && (
        <ColorBadge
          name={status.name}
          abbreviation={status.abbreviation}
          color={status.color}
          background={status.background}
        />
      )}
    </Group>
  );
}

/** The search box with its results dropdown: arrows move, Enter opens, Esc closes. */
export function SearchBox(props: {
  inputRef?: React.Ref<HTMLInputElement>;
  autoFocus?: boolean;
  width: number | string;
  onOpened?: () => void;
}) {
  const { t } = useTranslation('contacts');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const commit = useDebouncedCallback((v: string) => setQ(v.trim()), 150);
  const result = useContactSearch(q);
  const settings = useQuery(crmSettingsQuery);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  // The phone formatter is fetched once someone types, alongside the first answer it formats.
  const format = usePhoneFormatter(text.trim() !== '');
  const hits = q && format ? (result.data?.items ?? []) : [];
  const waiting = text.trim() !== '' && (commit.isPending() || result.isFetching || !format);

  // New results: the first one is what Enter opens.
  useEffect(() => {
    if (hits.length > 0) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result.data, format]);

  const open = (hit: SearchHit) => {
    combobox.closeDropdown();
    setText('');
    setQ('');
    props.onOpened?.();
    if (hit.kind === 'person')
      void navigate({ to: '/persons/$personId', params: { personId: hit.id } });
    else void navigate({ to: '/companies/$companyId', params: { companyId: hit.id } });
  };

  return (
    <Combobox
      store={combobox}
      width={props.width === '100%' ? 'target' : 360}
      position="bottom-end"
      onOptionSubmit={(id) => {
        const hit = hits.find((h) => h.id === id);
        if (hit) open(hit);
      }}
    >
      <Combobox.Target>
        <TextInput
          ref={props.inputRef}
          w={props.width}
          size="sm"
          radius="xl"
          autoFocus={props.autoFocus}
          leftSection={<IconSearch size={16} />}
          rightSection={waiting ? <Loader size={14} /> : text ? null : <Kbd size="xs">/</Kbd>}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          value={text}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setText(v);
            commit(v);
            if (v.trim()) combobox.openDropdown();
            else combobox.closeDropdown();
          }}
          onFocus={() => text.trim() && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          data-testid="global-search"
        />
      </Combobox.Target>
      <Combobox.Dropdown data-testid="global-search-results">
        <Combobox.Options mah={420} style={{ overflowY: 'auto' }}>
          {waiting && hits.length === 0 && <Combobox.Empty>{t('search.loading')}</Combobox.Empty>}
          {!waiting && q && hits.length === 0 && (
            <Combobox.Empty data-testid="search-empty">{t('search.noResults')}</Combobox.Empty>
          )}
          {format &&
            hits.map((hit) => (
              <Combobox.Option
                key={hit.id}
                value={hit.id}
                aria-label={hit.displayName}
                data-testid={`search-hit-${hit.id}`}
              >
                <HitRow hit={hit} region={settings.data?.phoneRegion ?? null} format={format} />
              </Combobox.Option>
            ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
