import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyOptions, timezoneOptions } from '../lib/intl-options.ts';

type Props = Omit<SelectProps, 'data'>;

/** Long lists: searchable, showing the first 50 matches, never empty once chosen. */
function LongSelect(props: SelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      searchable
      limit={50}
      allowDeselect={false}
      nothingFoundMessage={t('states.nothingFound')}
      // Options as wide as their longest name ("BAM — bosnisk-hercegovinsk konvertibel mark").
      comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
      {...props}
    />
  );
}

/** Every IANA time zone. */
export function TimezoneSelect(props: Props) {
  const data = useMemo(() => timezoneOptions(), []);
  return <LongSelect data={data} {...props} />;
}

/** Every ISO currency, named in the UI language. */
export function CurrencySelect(props: Props) {
  const { i18n } = useTranslation();
  const data = useMemo(() => currencyOptions(i18n.language), [i18n.language]);
  return <LongSelect data={data} {...props} />;
}
