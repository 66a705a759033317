import { NativeSelect } from '@mantine/core';
import type { Locale } from '@spotter/contracts';
import { LOCALES } from '@spotter/contracts/enums';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, isLocale } from '../lib/i18n.ts';

export const languageOptions = LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));

/**
 * A compact language picker for the pages seen before logging in. The browser's own list, not
 * Mantine's searchable dropdown: five fixed entries need no search, and the login page stays
 * free of the positioning and scrolling code a dropdown brings.
 */
export function LanguageSelect(props: { value: Locale; onChange: (l: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language')}
      data={languageOptions}
      value={props.value}
      onChange={(e) => {
        const locale = e.currentTarget.value;
        if (isLocale(locale)) props.onChange(locale);
      }}
      leftSection={<IconLanguage size={16} />}
      w={170}
      size="xs"
      data-testid="device-language"
    />
  );
}
