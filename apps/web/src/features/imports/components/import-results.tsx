import { Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Import } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';

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

/** Created / updated / with warnings / skipped / failed as five figures. */
export function ImportCounts(props: { imp: Import; dryRun: boolean }) {
  const { t, i18n } = useTranslation('imports');
  const figures = [
    ['created', props.imp.created, 'teal'],
    ['updated', props.imp.updated, 'blue'],
    ['warned', props.imp.warned, 'yellow'],
    ['skipped', props.imp.skipped, 'gray'],
    ['failed', props.imp.failed, 'red'],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
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
