import { Button, Center, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Job } from '@spotter/contracts';
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorMessage } from '../../../lib/validation.ts';
import { useFailedJobs, useRetryJob } from '../api/jobs-api.ts';

/**
 * Settings → Background jobs: work that gave up after its retries (an import, later mail and
 * webhooks), what it was, when and why, with a button to run it again.
 */
export function BackgroundJobsPage(props: { timezone: string }) {
  const { t, i18n } = useTranslation('jobs');
  const jobs = useFailedJobs();
  const retry = useRetryJob();
  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  const nf = new Intl.NumberFormat(i18n.language);
  const kindName = (job: Job) =>
    t(`kinds.${job.kind}`, { defaultValue: t('kinds.other', { kind: job.kind }) });
  const runAgain = (job: Job) =>
    retry.mutate(job.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('retried') }),
      onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
    });

  return (
    <>
      <Text c="dimmed" size="sm" maw={620} mb="md">
        {t('intro')}
      </Text>
      {jobs.isPending && (
        <Stack gap="sm" aria-busy="true">
          <Skeleton h={36} />
          <Skeleton h={36} />
          <Skeleton h={36} w="60%" />
        </Stack>
      )}
      {jobs.isError && <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconCircleCheck size={28} />}
          title={t('emptyTitle')}
          text={t('emptyText')}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" data-testid="failed-jobs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('what')}</Table.Th>
                  <Table.Th>{t('when')}</Table.Th>
                  <Table.Th>{t('error')}</Table.Th>
                  <Table.Th>{t('attempts')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((job) => (
                  <Table.Tr key={job.id} data-testid="failed-job">
                    <Table.Td fw={500}>{kindName(job)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(job.finishedAt ?? job.runAt, props.timezone)}
                    </Table.Td>
                    <Table.Td maw={360}>
                      <Text size="sm" lineClamp={3} title={job.lastError ?? undefined}>
                        {job.lastError ?? t('noError')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {t('attemptsOf', {
                        attempts: nf.format(job.attempts),
                        max: nf.format(job.maxAttempts),
                      })}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        variant="light"
                        size="xs"
                        leftSection={<IconRefresh size={14} />}
                        loading={retry.isPending && retry.variables === job.id}
                        onClick={() => runAgain(job)}
                        data-testid="retry-job"
                      >
                        {t('retry')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {jobs.hasNextPage && (
        <Center mt="sm">
          <Button
            variant="subtle"
            size="xs"
            loading={jobs.isFetchingNextPage}
            onClick={() => void jobs.fetchNextPage()}
          >
            {t('more')}
          </Button>
        </Center>
      )}
    </>
  );
}
