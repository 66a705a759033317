import { Select } from '@mantine/core';
import { LOCALES, type Locale } from '@spotter/contracts';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../lib/i18n.ts';

export const languageOptions = LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));

/** A compact language picker for the pages seen before logging in. */
export function LanguageSelect(props: { value: Locale; onChange: (l: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={t('language')}
      data={languageOptions}
      value={props.value}
      onChange={(v) => v && props.onChange(v as Locale)}
      leftSection={<IconLanguage size={16} />}
      allowDeselect={false}
      w={170}
      size="xs"
      data-testid="device-language"
    />
  );
}
