import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyOptions, timezoneOptions } from '../lib/intl-options.ts';

type Props = Omit<SelectProps, 'data'>;

/** Every IANA time zone, searchable. */
export function TimezoneSelect(props: Props) {
  const { t } = useTranslation();
  const data = useMemo(() => timezoneOptions(), []);
  return (
    <Select
      data={data}
      searchable
      limit={50}
      allowDeselect={false}
      nothingFoundMessage={t('states.nothingFound')}
      {...props}
    />
  );
}

/** Every ISO currency, named in the UI language. */
export function CurrencySelect(props: Props) {
  const { t, i18n } = useTranslation();
  const data = useMemo(() => currencyOptions(i18n.language), [i18n.language]);
  return (
    <Select
      data={data}
      searchable
      limit={50}
      allowDeselect={false}
      nothingFoundMessage={t('states.nothingFound')}
      {...props}
    />
  );
}
