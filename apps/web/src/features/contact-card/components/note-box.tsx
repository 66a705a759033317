import { Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ContactKind } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLookups } from '../../../lib/crm-reference.ts';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useAddNote } from '../api/contact-api.ts';

/** Write a note into the history, with its event type (C-9); Ctrl+Enter saves. */
export function NoteBox(props: { kind: ContactKind; id: string }) {
  const { t } = useTranslation('card');
  const types = useLookups('history-types');
  const add = useAddNote(props.kind, props.id);
  const [text, setText] = useState('');
  const [typeId, setTypeId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    if (!text.trim()) {
      setError(t('notes.empty'));
      return;
    }
    add.mutate(
      { text: text.trim(), typeId },
      {
        onSuccess: () => {
          setText('');
          setError(null);
        },
        onError: (err) => {
          const fields = serverFieldErrors(err);
          setError(fields.text ?? fields.typeId ?? null);
          notifications.show({ color: 'red', message: errorMessage(err) });
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Textarea
          aria-label={t('notes.label')}
          placeholder={t('notes.placeholder')}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={10_000}
          value={text}
          error={error}
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (error) setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            }
          }}
          data-testid="note-input"
        />
        <Group gap="xs">
          {/* Narrows before the button wraps; wrapped, the button still sits on the right. */}
          <Select
            size="xs"
            style={{ flex: '1 1 140px', maxWidth: 220 }}
            aria-label={t('notes.type')}
            placeholder={t('notes.type')}
            data={(types.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
            value={typeId}
            onChange={setTypeId}
            clearable
            data-testid="note-type"
          />
          <Group gap="xs" ml="auto" wrap="nowrap">
            <Text size="xs" c="dimmed" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
              {t('notes.shortcut')}
            </Text>
            <Button size="xs" onClick={save} loading={add.isPending} data-testid="note-save">
              {t('notes.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
