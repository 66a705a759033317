import { Chip, Group, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { LOCALES, type Locale } from '@spotter/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../lib/i18n.ts';
import type { EditorValues } from './editor-values.ts';

/**
 * What the visitor reads, per language: which languages the form has, and in each its title,
 * introduction, button, thank-you and the text of every consent box.
 */
export function EditorTexts(props: { form: UseFormReturnType<EditorValues> }) {
  const { t } = useTranslation('leadForms');
  const { form } = props;
  const { languages, consents, after } = form.values;
  const [tab, setTab] = useState<Locale | null>(languages[0] ?? null);
  useEffect(() => {
    if (!tab || !languages.includes(tab)) setTab(languages[0] ?? null);
  }, [languages, tab]);
  const languageError = form.errors.texts;
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('editor.languages')}
        </Text>
        <Chip.Group
          multiple
          value={languages}
          onChange={(v) =>
            form.setFieldValue(
              'languages',
              LOCALES.filter((l) => v.includes(l)),
            )
          }
        >
          <Group gap="xs">
            {LOCALES.map((l) => (
              <Chip key={l} value={l} size="sm" data-testid={`lang-${l}`}>
                {LANGUAGE_NAMES[l]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Text size="xs" c={languageError ? 'red' : 'dimmed'}>
          {languageError ?? t('editor.languagesHint')}
        </Text>
      </Stack>
      {languages.length > 0 && (
        <Tabs value={tab} onChange={(v) => setTab(v as Locale)} keepMounted={false}>
          <Tabs.List>
            {languages.map((l) => (
              <Tabs.Tab key={l} value={l} data-testid={`texts-tab-${l}`}>
                {LANGUAGE_NAMES[l]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {languages.map((l) => (
            <Tabs.Panel key={l} value={l} pt="sm">
              <Stack gap="sm" lang={l}>
                <TextInput
                  label={t('editor.title')}
                  required
                  data-testid={`text-title-${l}`}
                  {...form.getInputProps(`texts.${l}.title`)}
                />
                <Textarea
                  label={t('editor.intro')}
                  autosize
                  minRows={2}
                  data-testid={`text-intro-${l}`}
                  {...form.getInputProps(`texts.${l}.intro`)}
                />
                <TextInput
                  label={t('editor.submit')}
                  description={t('editor.submitHint')}
                  {...form.getInputProps(`texts.${l}.submit`)}
                />
                {after === 'text' && (
                  <Textarea
                    label={t('editor.thankYou')}
                    required
                    autosize
                    minRows={2}
                    data-testid={`text-thanks-${l}`}
                    {...form.getInputProps(`texts.${l}.thankYou`)}
                  />
                )}
                {consents.map((c, i) => (
                  <Textarea
                    key={c.id}
                    label={t('editor.consentText', { n: i + 1, kind: t(`consentKinds.${c.kind}`) })}
                    required
                    autosize
                    minRows={1}
                    data-testid={`text-consent-${l}-${i}`}
                    {...form.getInputProps(`texts.${l}.consents.${c.id}`)}
                  />
                ))}
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
