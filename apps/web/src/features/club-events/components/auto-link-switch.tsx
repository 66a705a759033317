import { Paper, Skeleton, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { isApiError } from '../../../lib/api.ts';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import { useClubEventSettings, useSaveClubEventSettings } from '../api/club-events-api.ts';

/** "Link every customer of the club system" (seed 000): otherwise only persons already known. */
export function AutoLinkSwitch() {
  const { t } = useTranslation('clubEvents');
  const settings = useClubEventSettings();
  const save = useSaveClubEventSettings();
  if (settings.isPending) return <Skeleton h={72} mt="lg" radius="md" />;
  if (settings.isError) {
    return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  const current = settings.data;
  return (
    <Paper withBorder radius="md" p="md" mt="lg">
      <Switch
        checked={current.autoLink}
        disabled={save.isPending}
        onChange={(e) =>
          save.mutate(
            { autoLink: e.currentTarget.checked, version: current.version },
            {
              onSuccess: () => notifySaved(t('autoLink.saved')),
              onError: (err) => {
                // Someone changed it meanwhile: show theirs, the admin decides again.
                if (isApiError(err, 'version_conflict')) void settings.refetch();
                showFailure(err);
              },
            },
          )
        }
        label={t('autoLink.label')}
        description={t('autoLink.hint')}
        data-testid="auto-link"
      />
    </Paper>
  );
}
