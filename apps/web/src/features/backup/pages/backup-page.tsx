import { Alert, Button, Code, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/validation.ts';
import { useBackupStatus, useDownloadBackup } from '../api/backup-api.ts';

/**
 * Settings → Backup: on the embedded database, owners and admins download a copy of it taken
 * at one moment while Spotter keeps running; on PostgreSQL the page says what to use instead.
 */
export function BackupPage() {
  const { t } = useTranslation('backup');
  const status = useBackupStatus();
  const download = useDownloadBackup();
  const save = () =>
    download.mutate(undefined, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('downloaded') }),
      onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
    });

  if (status.isPending) {
    return (
      <Stack gap="sm" maw={760} aria-busy="true">
        <Skeleton h={20} />
        <Skeleton h={20} w="70%" />
        <Skeleton h={36} w={200} />
      </Stack>
    );
  }
  if (status.isError) {
    return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  }
  const { available, reason } = status.data;
  return (
    <Paper withBorder p="lg" radius="md" maw={760}>
      <Stack gap="md">
        <Text>{t('intro')}</Text>
        {available && (
          <>
            <div>
              <Button
                leftSection={<IconDatabaseExport size={16} />}
                loading={download.isPending}
                onClick={save}
                data-testid="backup-download"
              >
                {t('download')}
              </Button>
            </div>
            <Text size="sm" c="dimmed">
              {t('keepSafe')}
            </Text>
            <Title order={4}>{t('scheduleTitle')}</Title>
            <Text size="sm">{t('scheduleText')}</Text>
            <Code block>npm run backup -- --out /backups/spotter-backup.tar.gz</Code>
            <Title order={4}>{t('restoreTitle')}</Title>
            <Text size="sm">{t('restoreText')}</Text>
            <Code block>DATA_DIR=/srv/spotter-data npm run restore -- spotter-backup.tar.gz</Code>
          </>
        )}
        {reason && (
          <Alert
            color="blue"
            icon={<IconInfoCircle size={18} />}
            title={t(`unavailable.${reason}.title`)}
            data-testid="backup-unavailable"
          >
            {t(`unavailable.${reason}.text`)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
