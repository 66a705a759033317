import { Button, Group, NumberInput, Paper, Skeleton, Stack, Switch } from '@mantine/core';
import { EVENT_LOG_DAYS } from '@spotter/contracts';
import { useState } from 'react';
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
      <Stack gap="lg">
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
        <LogDaysField key={current.version} days={current.logDays} version={current.version} />
      </Stack>
    </Paper>
  );
}

/** How long the event log keeps a delivery; saved with its own button, Enter included. */
function LogDaysField(props: { days: number; version: number }) {
  const { t } = useTranslation('clubEvents');
  const save = useSaveClubEventSettings();
  const [days, setDays] = useState<number | string>(props.days);
  const valid =
    typeof days === 'number' && days >= EVENT_LOG_DAYS.min && days <= EVENT_LOG_DAYS.max;
  const submit = () => {
    if (!valid || days === props.days) return;
    save.mutate(
      { logDays: days, version: props.version },
      { onSuccess: () => notifySaved(t('logDays.saved')), onError: (err) => showFailure(err) },
    );
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('logDays.label')}
          description={t('logDays.hint')}
          value={days}
          onChange={setDays}
          min={EVENT_LOG_DAYS.min}
          max={EVENT_LOG_DAYS.max}
          allowDecimal={false}
          error={valid ? undefined : t('logDays.range', EVENT_LOG_DAYS)}
          w={{ base: '100%', sm: 360 }}
          data-testid="log-days"
        />
        <Button
          type="submit"
          variant="default"
          disabled={!valid || days === props.days}
          loading={save.isPending}
        >
          {t('logDays.save')}
        </Button>
      </Group>
    </form>
  );
}
