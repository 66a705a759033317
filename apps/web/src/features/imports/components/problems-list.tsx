import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { Import, ImportProblem, ImportProblemSeverity } from '@spotter/contracts';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAllProblems, useImportProblems } from '../api/imports-api.ts';
import { problemsCsv, problemText } from './problems-csv.ts';

const COLORS: Record<ImportProblemSeverity, string> = {
  error: 'red',
  warning: 'yellow',
  duplicate: 'gray',
};

function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

function Matched(props: { imp: Import; p: ImportProblem }) {
  const { t } = useTranslation('imports');
  const { p } = props;
  if (p.matchId && p.matchName !== null) {
    const id = p.matchId;
    return (
      <Anchor
        size="sm"
        data-testid="import-problem-match"
        renderRoot={(root) =>
          props.imp.kind === 'person' ? (
            <Link {...root} to="/persons/$personId" params={{ personId: id }} />
          ) : (
            <Link {...root} to="/companies/$companyId" params={{ companyId: id }} />
          )
        }
      >
        {p.matchName}
      </Anchor>
    );
  }
  if (p.params.record) return <>{t('problems.inFile', { record: p.params.record })}</>;
  return null;
}

/**
 * Every problem of the latest run, paged from the server (a keyset "show more"), filtered by
 * kind, and downloadable whole as CSV; duplicates link to the contact they matched.
 */
export function ProblemsList(props: { imp: Import }) {
  const { imp } = props;
  const { t, i18n } = useTranslation('imports');
  const [severity, setSeverity] = useState<ImportProblemSeverity | 'all'>('all');
  const query = useImportProblems(imp, severity === 'all' ? undefined : severity);
  const download = useMutation({
    mutationFn: async () => {
      const all = await fetchAllProblems(imp.id);
      const base = imp.fileName.replace(/\.[^.]+$/, '');
      saveFile(`${base}-${t('problems.fileSuffix')}.csv`, problemsCsv(t, all, imp.dryRun));
    },
  });
  if (imp.errorCount === 0) return null;
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const n = (x: number) => new Intl.NumberFormat(i18n.language).format(x);

  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>{t('problems.title', { count: imp.errorCount })}</Text>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconDownload size={14} />}
          loading={download.isPending}
          onClick={() => download.mutate()}
          data-testid="import-problems-download"
        >
          {t('problems.download')}
        </Button>
      </Group>
      <SegmentedControl
        size="xs"
        value={severity}
        onChange={(v) => setSeverity(v as ImportProblemSeverity | 'all')}
        data={(['all', 'error', 'warning', 'duplicate'] as const).map((s) => ({
          value: s,
          label: t(`problems.filter.${s}`),
        }))}
        data-testid="import-problems-filter"
        style={{ alignSelf: 'flex-start' }}
      />
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} striped data-testid="import-problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('problems.record')}</Table.Th>
                <Table.Th w={70}>{t('problems.line')}</Table.Th>
                <Table.Th w={150}>{t('problems.column')}</Table.Th>
                <Table.Th>{t('problems.message')}</Table.Th>
                <Table.Th w={180}>{t('problems.matched')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.n} data-severity={p.severity}>
                  <Table.Td>{n(p.record)}</Table.Td>
                  <Table.Td>{n(p.line)}</Table.Td>
                  <Table.Td>{p.column ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Badge
                        size="xs"
                        color={COLORS[p.severity]}
                        variant="light"
                        style={{ flexShrink: 0 }}
                      >
                        {t(`problems.severities.${p.severity}`)}
                      </Badge>
                      <Text size="sm">{problemText(t, p, imp.dryRun)}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Matched imp={imp} p={p} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {query.hasNextPage && (
        <Button
          variant="default"
          size="xs"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
          data-testid="import-problems-more"
          style={{ alignSelf: 'center' }}
        >
          {t('problems.more')}
        </Button>
      )}
    </Stack>
  );
}
