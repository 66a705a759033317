import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface HeaderRow {
  name: string;
  /** Empty on a saved row: keep the stored value. */
  value: string;
  /** The name this row had when loaded, with a value stored under it ("••• saved"). */
  savedAs: string | null;
}

/**
 * Request headers (an API key, a Basic authorization): names shown, stored values never —
 * a saved row says so, and is kept unless a new value is typed.
 */
export function SmsHeadersEditor<T extends { headers: HeaderRow[] }>(props: {
  form: UseFormReturnType<T>;
}) {
  const { t } = useTranslation('mailing');
  const form = props.form as unknown as UseFormReturnType<{ headers: HeaderRow[] }>;
  const rows = form.values.headers;
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={500}>
          {t('sms.headers')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('sms.headersHint')}
        </Text>
      </div>
      {rows.map((row, i) => {
        const kept = row.savedAs !== null && row.savedAs.toLowerCase() === row.name.toLowerCase();
        return (
          <Group key={i} align="flex-start" wrap="nowrap" gap="xs" data-testid="sms-header-row">
            <TextInput
              aria-label={t('sms.headerName')}
              placeholder={t('sms.headerName')}
              style={{ flex: '1 1 40%' }}
              autoComplete="off"
              data-testid="sms-header-name"
              {...form.getInputProps(`headers.${i}.name`)}
            />
            <TextInput
              aria-label={t('sms.headerValue')}
              placeholder={kept ? t('sms.headerSaved') : t('sms.headerValue')}
              style={{ flex: '1 1 60%' }}
              autoComplete="off"
              type="password"
              data-testid="sms-header-value"
              {...form.getInputProps(`headers.${i}.value`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('sms.removeHeader')}
              onClick={() => form.removeListItem('headers', i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={rows.length >= 20}
          onClick={() => form.insertListItem('headers', { name: '', value: '', savedAs: null })}
          data-testid="sms-header-add"
        >
          {t('sms.addHeader')}
        </Button>
      </Group>
    </Stack>
  );
}
