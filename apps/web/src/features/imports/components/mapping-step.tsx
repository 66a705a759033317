import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import {
  IMPORT_DUPLICATE_MODES,
  IMPORT_SKIP_TARGET,
  type Import,
  type ImportDuplicateMode,
  type ImportUnknownValues,
} from '@spotter/contracts';
import { IconAlertCircle, IconChecklist } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useImportTargets, useRunImport, useUnknownValues } from '../api/imports-api.ts';
import type { ImportDraft } from './values-step.tsx';

/**
 * Step 2: where each column goes (suggested targets preselected), what duplicates and bad
 * cells do. When mapped columns hold values the CRM does not know, the values step comes
 * next; otherwise the file is checked straight away.
 */
export function MappingStep(props: {
  imp: Import;
  onBack: () => void;
  onChecking: () => void;
  onValues: (draft: ImportDraft, unknown: ImportUnknownValues) => void;
  /** What the user chose before going on to the values step and back. */
  draft?: ImportDraft;
}) {
  const { imp } = props;
  const { t } = useTranslation('imports');
  const targets = useImportTargets(imp.kind);
  const run = useRunImport(imp.id);
  const unknown = useUnknownValues(imp.id);
  const [skipOnProblem, setSkipOnProblem] = useState(
    props.draft?.skipOnProblem ?? imp.skipOnProblem,
  );
  const [mapping, setMapping] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(imp.headers.map((h) => [h, IMPORT_SKIP_TARGET])),
    ...(props.draft?.mapping ?? imp.mapping),
  }));
  const [mode, setMode] = useState<ImportDuplicateMode>(
    props.draft?.duplicateMode ?? imp.duplicateMode,
  );

  const used = useMemo(() => new Set(Object.values(mapping)), [mapping]);
  const options = (header: string) => [
    { value: IMPORT_SKIP_TARGET, label: t('mapping.skip') },
    ...(targets.data?.items ?? []).map((x) => ({
      value: x.key,
      label: x.custom ? x.label : t(`targets.${x.key}`, { defaultValue: x.label }),
      // One column per target: the others are greyed out, not hidden.
      disabled: used.has(x.key) && mapping[header] !== x.key,
    })),
  ];
  const error = unknown.error ?? run.error;
  const fieldErrors = serverFieldErrors(error);
  const nothingMapped = Object.values(mapping).every((v) => v === IMPORT_SKIP_TARGET);

  const next = () => {
    const draft = { mapping, duplicateMode: mode, skipOnProblem };
    unknown.mutate(mapping, {
      onSuccess: (found) => {
        if (found.columns.length > 0) props.onValues(draft, found);
        else run.mutate({ ...draft, dryRun: true }, { onSuccess: props.onChecking });
      },
    });
  };

  if (targets.isError) {
    return <QueryError error={targets.error} onRetry={() => void targets.refetch()} />;
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('mapping.intro', { count: imp.totalRows, file: imp.fileName })}
      </Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="import-mapping">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mapping.column')}</Table.Th>
                <Table.Th>{t('mapping.sample')}</Table.Th>
                <Table.Th w={280}>{t('mapping.target')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imp.headers.map((header, i) => (
                <Table.Tr key={header}>
                  <Table.Td fw={500}>{header}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {imp.sample
                        .map((row) => row[i] ?? '')
                        .filter(Boolean)
                        .slice(0, 2)
                        .join(' · ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('mapping.targetFor', { column: header })}
                      data-testid={`import-target-${i}`}
                      data={options(header)}
                      value={mapping[header] ?? IMPORT_SKIP_TARGET}
                      onChange={(v) =>
                        setMapping((m) => ({ ...m, [header]: v ?? IMPORT_SKIP_TARGET }))
                      }
                      searchable
                      allowDeselect={false}
                      disabled={targets.isPending}
                      error={fieldErrors[`mapping.${header}`]}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Radio.Group
        label={t('mapping.duplicates')}
        description={t('mapping.duplicatesHint')}
        value={mode}
        onChange={(v) => setMode(v as ImportDuplicateMode)}
        data-testid="import-duplicate-mode"
      >
        <Stack gap={6} mt="xs">
          {IMPORT_DUPLICATE_MODES.map((m) => (
            <Radio key={m} value={m} label={t(`mapping.mode.${m}`)} />
          ))}
        </Stack>
      </Radio.Group>

      <Checkbox
        label={t('mapping.skipOnProblem')}
        description={t('mapping.skipOnProblemHint')}
        checked={skipOnProblem}
        onChange={(e) => setSkipOnProblem(e.currentTarget.checked)}
        data-testid="import-skip-on-problem"
      />

      {error && (
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          {fieldErrors.mapping ?? errorMessage(error)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack} data-testid="import-back">
          {t('actions.anotherFile')}
        </Button>
        <Button
          leftSection={<IconChecklist size={16} />}
          onClick={next}
          loading={run.isPending || unknown.isPending}
          disabled={nothingMapped}
          data-testid="import-next"
        >
          {t('mapping.next')}
        </Button>
      </Group>
    </Stack>
  );
}
