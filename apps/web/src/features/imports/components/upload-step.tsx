import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import type { ContactKind, Import } from '@spotter/contracts';
import { IconAlertCircle, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/validation.ts';
import { useUploadImport } from '../api/imports-api.ts';

const MAX_BYTES = 64 * 1024 * 1024;

/** Step 1: persons or companies, and the file (picked or dropped on the box). */
export function UploadStep(props: { onUploaded: (imp: Import) => void }) {
  const { t } = useTranslation('imports');
  const [kind, setKind] = useState<ContactKind>('person');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const upload = useUploadImport();
  const input = useRef<HTMLInputElement>(null);

  const choose = (f: File | null) => {
    upload.reset();
    setLocalError(null);
    if (f && f.size > MAX_BYTES) {
      setLocalError(t('upload.tooLarge'));
      setFile(null);
      return;
    }
    setFile(f);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0] ?? null);
  };
  // The server says why a file cannot be read (empty, no header, too many rows, not text).
  const serverError = isApiError(upload.error)
    ? t(`upload.errors.${upload.error.code}`, { defaultValue: errorMessage(upload.error) })
    : upload.error
      ? errorMessage(upload.error)
      : null;

  return (
    <Stack gap="md" maw={640}>
      <div>
        <Text fw={500} size="sm" mb={6}>
          {t('upload.kind')}
        </Text>
        <SegmentedControl
          data-testid="import-kind"
          value={kind}
          onChange={(v) => setKind(v as ContactKind)}
          data={[
            { value: 'person', label: t('kinds.person') },
            { value: 'company', label: t('kinds.company') },
          ]}
        />
      </div>
      <Paper
        withBorder
        radius="md"
        p="xl"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'var(--mantine-color-blue-5)' : undefined,
          background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
        }}
      >
        <Stack align="center" gap="sm">
          <IconFileTypeCsv size={40} stroke={1.4} color="var(--mantine-color-dimmed)" />
          <Text ta="center">{file ? file.name : t('upload.drop')}</Text>
          <Text size="xs" c="dimmed" ta="center">
            {t('upload.hint')}
          </Text>
          <Button variant="default" onClick={() => input.current?.click()}>
            {t('upload.pick')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv,text/plain"
            data-testid="import-file"
            aria-label={t('upload.pick')}
            style={{ display: 'none' }}
            onChange={(e) => {
              choose(e.currentTarget.files?.[0] ?? null);
              e.currentTarget.value = '';
            }}
          />
        </Stack>
      </Paper>
      {(localError || serverError) && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('upload.failed')}>
          {localError ?? serverError}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          leftSection={<IconUpload size={16} />}
          disabled={!file}
          loading={upload.isPending}
          data-testid="import-upload"
          onClick={() => file && upload.mutate({ kind, file }, { onSuccess: props.onUploaded })}
        >
          {t('upload.next')}
        </Button>
      </Group>
    </Stack>
  );
}
