import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type {
  Import,
  ImportDuplicateMode,
  ImportUnknownValues,
  ImportValueAction,
  ImportValueMap,
} from '@spotter/contracts';
import { IconAlertCircle, IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, serverFieldErrors } from '../../../lib/validation.ts';
import { useRunImport } from '../api/imports-api.ts';

/** What the mapping step chose, carried to the values step and into the dry run. */
export interface ImportDraft {
  mapping: Record<string, string>;
  duplicateMode: ImportDuplicateMode;
  skipOnProblem: boolean;
}

type Column = ImportUnknownValues['columns'][number];

const EMPTY = 'empty';
const CREATE = 'create';

const encode = (a: ImportValueAction) => (a.action === 'map' ? `map:${a.id}` : a.action);
const decode = (v: string): ImportValueAction =>
  v.startsWith('map:') ? { action: 'map', id: v.slice(4) } : { action: v as 'create' | 'empty' };

/** The answers kept from an earlier run of the same file, else "leave empty" for every value. */
function initialMap(imp: Import, unknown: ImportUnknownValues): ImportValueMap {
  const out: ImportValueMap = {};
  for (const col of unknown.columns) {
    const before = imp.valueMap[col.column] ?? {};
    out[col.column] = Object.fromEntries(
      col.values.map((v) => [v.value, before[v.value] ?? { action: EMPTY }]),
    );
  }
  return out;
}

/**
 * Step 3: each mapped column's values that the CRM does not know, with how many rows have
 * them; the user maps each to an existing entry, has it created, or leaves it empty.
 */
export function ValuesStep(props: {
  imp: Import;
  draft: ImportDraft;
  unknown: ImportUnknownValues;
  mayCreate: boolean;
  onBack: () => void;
  onChecking: () => void;
}) {
  const { imp, draft, unknown } = props;
  const { t, i18n } = useTranslation('imports');
  const run = useRunImport(imp.id);
  const [valueMap, setValueMap] = useState(() => initialMap(imp, unknown));
  const fieldErrors = serverFieldErrors(run.error);
  const set = (column: string, value: string, action: string | null) =>
    setValueMap((m) => ({
      ...m,
      [column]: { ...m[column], [value]: decode(action ?? EMPTY) },
    }));

  const options = (col: Column, value: string) => [
    { value: EMPTY, label: t('values.empty') },
    ...(col.canCreate && props.mayCreate
      ? [{ value: CREATE, label: t('values.create', { value }) }]
      : []),
    ...(col.options.length > 0
      ? [
          {
            group: t('values.mapTo'),
            items: col.options.map((o) => ({ value: `map:${o.id}`, label: o.name })),
          },
        ]
      : []),
  ];

  const check = () =>
    run.mutate({ ...draft, dryRun: true, valueMap }, { onSuccess: props.onChecking });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('values.intro')}
      </Text>
      {unknown.columns.map((col) => (
        <Paper
          key={col.column}
          withBorder
          radius="md"
          p="md"
          data-testid={`import-values-${col.column}`}
        >
          <Group gap="xs" mb="xs">
            <Title order={4}>{col.column}</Title>
            <Badge variant="light">{t(`values.kinds.${col.kind}`)}</Badge>
          </Group>
          {!col.canCreate && (
            <Text size="xs" c="dimmed" mb="xs">
              {t(col.kind === 'staff' ? 'values.noCreateStaff' : 'values.noCreateBranch')}
            </Text>
          )}
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('values.value')}</Table.Th>
                  <Table.Th w={110} ta="right">
                    {t('values.rows')}
                  </Table.Th>
                  <Table.Th w={300}>{t('values.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {col.values.map((v) => (
                  <Table.Tr key={v.value}>
                    <Table.Td fw={500}>{v.value}</Table.Td>
                    <Table.Td ta="right">
                      {new Intl.NumberFormat(i18n.language).format(v.rows)}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('values.actionFor', { value: v.value, column: col.column })}
                        data-testid={`import-value-${col.column}-${v.value}`}
                        data={options(col, v.value)}
                        value={encode(valueMap[col.column]?.[v.value] ?? { action: EMPTY })}
                        onChange={(a) => set(col.column, v.value, a === null ? null : String(a))}
                        allowDeselect={false}
                        searchable
                        error={fieldErrors[`valueMap.${col.column}.${v.value}`]}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {col.truncated && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('values.truncated', { count: col.values.length })}
            </Text>
          )}
        </Paper>
      ))}
      {run.error && (
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          {errorMessage(run.error)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack} data-testid="import-values-back">
          {t('actions.changeMapping')}
        </Button>
        <Button
          leftSection={<IconChecklist size={16} />}
          onClick={check}
          loading={run.isPending}
          data-testid="import-dry-run"
        >
          {t('mapping.check')}
        </Button>
      </Group>
    </Stack>
  );
}
