import { ActionIcon, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArchive, IconArchiveOff, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListEditorHeader } from '../../../components/list-editor-header.tsx';
import { moveItem } from '../../../lib/reorder.ts';
import { OrderButtons } from '../../../components/settings/order-buttons.tsx';
import { newDictionaryOption, type DictionaryValues } from './dictionary-form.ts';

/**
 * A dictionary's options in order. Saved options are archived rather than removed: tasks that
 * chose one keep showing it. Options added in this dialog can simply be removed again.
 */
export function DictionaryOptionsEditor({ form }: { form: UseFormReturnType<DictionaryValues> }) {
  const { t } = useTranslation('taskSettings');
  const options = form.values.options;
  return (
    <Stack gap="xs">
      <ListEditorHeader
        title={t('dictionaries.options')}
        addLabel={t('dictionaries.addOption')}
        addTestId="option-add"
        onAdd={() => form.insertListItem('options', newDictionaryOption())}
      />
      {options.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('dictionaries.noOptions')}
        </Text>
      )}
      {options.map((o, i) => {
        const label = o.name.trim() || t('dictionaries.optionNumber', { number: i + 1 });
        const archiveLabel = t(
          o.archived ? 'dictionaries.restoreOption' : 'dictionaries.archiveOption',
          {
            name: label,
          },
        );
        return (
          <Group key={o.key} gap="xs" wrap="nowrap" align="flex-start" data-testid={`option-${i}`}>
            <TextInput
              aria-label={t('dictionaries.optionName', { number: i + 1 })}
              placeholder={t('dictionaries.optionPlaceholder')}
              size="sm"
              style={{ flex: 1, opacity: o.archived ? 0.55 : 1 }}
              rightSection={
                o.archived ? (
                  <Text size="xs" c="dimmed" pr="xs">
                    {t('common:archived.stateArchived')}
                  </Text>
                ) : undefined
              }
              rightSectionWidth={o.archived ? 90 : undefined}
              data-testid={`option-name-${i}`}
              {...form.getInputProps(`options.${i}.name`)}
            />
            <OrderButtons
              name={label}
              first={i === 0}
              last={i === options.length - 1}
              onMove={(step) => form.setFieldValue('options', moveItem(options, i, step))}
            />
            {o.id ? (
              <Tooltip label={archiveLabel} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  onClick={() => form.setFieldValue(`options.${i}.archived`, !o.archived)}
                  aria-label={archiveLabel}
                  aria-pressed={o.archived}
                  data-testid={`option-archive-${i}`}
                >
                  {o.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
                </ActionIcon>
              </Tooltip>
            ) : (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                onClick={() => form.removeListItem('options', i)}
                aria-label={t('dictionaries.removeOption', { name: label })}
                data-testid={`option-remove-${i}`}
              >
                <IconX size={16} />
              </ActionIcon>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
