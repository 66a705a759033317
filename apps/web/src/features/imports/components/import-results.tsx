import { Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { Import } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';

const SHOWN_PROBLEMS = 200;

const formatNumber = (n: number, locale: string) => new Intl.NumberFormat(locale).format(n);

/** A progress bar that says how far the worker is ("4,500 of 50,000 rows"). */
export function ImportProgress(props: { imp: Import; label: string }) {
  const { t, i18n } = useTranslation('imports');
  const { processedRows, totalRows } = props.imp;
  const pct = totalRows > 0 ? Math.round((processedRows / totalRows) * 100) : 0;
  return (
    <Stack gap={6} data-testid="import-progress">
      <Text size="sm">{props.label}</Text>
      <Progress value={pct} size="lg" animated striped aria-label={props.label} />
      <Text size="xs" c="dimmed">
        {t('progress.rows', {
          done: formatNumber(processedRows, i18n.language),
          total: formatNumber(totalRows, i18n.language),
          pct,
        })}
      </Text>
    </Stack>
  );
}

/** Created / updated / skipped / failed as four figures. */
export function ImportCounts(props: { imp: Import; dryRun: boolean }) {
  const { t, i18n } = useTranslation('imports');
  const figures = [
    ['created', props.imp.created, 'teal'],
    ['updated', props.imp.updated, 'blue'],
    ['skipped', props.imp.skipped, 'gray'],
    ['failed', props.imp.failed, 'red'],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {figures.map(([key, value, color]) => (
        <Paper key={key} withBorder radius="md" p="sm" data-testid={`import-count-${key}`}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t(`${props.dryRun ? 'counts.would' : 'counts.did'}.${key}`)}
          </Text>
          <Text size="xl" fw={700} c={value > 0 ? color : undefined}>
            {formatNumber(value, i18n.language)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The rows that cannot be imported, by line of the file (the first 200). */
export function ImportProblems(props: { imp: Import }) {
  const { t, i18n } = useTranslation('imports');
  const { errors, errorCount } = props.imp;
  if (errorCount === 0) return null;
  const shown = errors.slice(0, SHOWN_PROBLEMS);
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('problems.title', { count: errorCount })}</Text>
      {errorCount > shown.length && (
        <Text size="sm" c="dimmed">
          {t('problems.firstOnly', {
            shown: formatNumber(shown.length, i18n.language),
            total: formatNumber(errorCount, i18n.language),
          })}
        </Text>
      )}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={480} mah={420}>
          <Table verticalSpacing={6} striped stickyHeader data-testid="import-problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('problems.line')}</Table.Th>
                <Table.Th w={180}>{t('problems.column')}</Table.Th>
                <Table.Th>{t('problems.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((e, i) => (
                <Table.Tr key={`${e.line}-${i}`}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{e.column ?? '—'}</Table.Td>
                  <Table.Td>
                    {e.code
                      ? t(`problems.codes.${e.code}`, { ...e.params, defaultValue: e.message })
                      : e.message}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
