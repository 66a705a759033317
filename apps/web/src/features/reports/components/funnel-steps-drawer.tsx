import {
  CONFIGURABLE_FUNNEL_STEPS,
  type ConfigurableFunnelStep,
  type FunnelStepCriteria,
  type FunnelStepsConfig,
} from '@spotter/contracts';
import {
  Alert,
  Button,
  Drawer,
  Group,
  Loader,
  MultiSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api.ts';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import { funnelStepsQuery, useFunnelChoices, useSaveFunnelSteps } from '../api/funnel-api.ts';

type Kind = keyof FunnelStepCriteria;
type Choice = { group: string; items: Array<{ value: string; label: string }> };

/**
 * Which task results, person statuses and deal stages make a person reach each step. Saved
 * with the version read: a colleague's newer save is not overwritten (409), it is offered.
 */
export function FunnelStepsDrawer(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('reportsFunnel');
  const stored = useQuery({ ...funnelStepsQuery, enabled: props.opened });
  const choices = useFunnelChoices();
  const save = useSaveFunnelSteps();
  const [draft, setDraft] = useState<FunnelStepsConfig | null>(null);
  const [conflict, setConflict] = useState(false);
  useEffect(() => {
    if (props.opened && stored.data) setDraft(structuredClone(stored.data.steps));
  }, [props.opened, stored.data]);

  const archived = (name: string, isArchived: boolean) =>
    isArchived ? `${name} ${t('settings.archived')}` : name;
  const options: Record<Kind, Choice[]> = {
    resultIds: (choices.templates.data?.items ?? [])
      .filter((tpl) => tpl.results.length > 0)
      .map((tpl) => ({
        group: tpl.name,
        // A chosen result shows its template too: two templates may both have "Bought".
        items: tpl.results.map((r) => ({
          value: r.id,
          label: archived(`${tpl.name}: ${r.name}`, r.archived),
        })),
      })),
    statusIds: [
      {
        group: t('settings.statuses'),
        items: (choices.statuses.data?.items ?? []).map((s) => ({
          value: s.id,
          label: archived(s.name, s.archived),
        })),
      },
    ],
    stageIds: (choices.pipelines.data?.items ?? []).map((p) => ({
      group: p.name,
      items: p.stages.map((s) => ({
        value: s.id,
        label: archived(`${p.name}: ${s.name}`, s.archived),
      })),
    })),
  };
  // An id whose result, status or stage is gone counts nothing: it is dropped on the next save.
  const known = (kind: Kind) => new Set(options[kind].flatMap((g) => g.items.map((i) => i.value)));
  const loading = !draft || choices.templates.isPending || choices.statuses.isPending;

  const change = (step: ConfigurableFunnelStep, kind: Kind, ids: string[]) =>
    setDraft((d) => (d ? { ...d, [step]: { ...d[step], [kind]: ids } } : d));
  const submit = () => {
    if (!draft || !stored.data) return;
    setConflict(false);
    const clean = Object.fromEntries(
      CONFIGURABLE_FUNNEL_STEPS.map((step) => [
        step,
        {
          resultIds: draft[step].resultIds.filter((id) => known('resultIds').has(id)),
          statusIds: draft[step].statusIds.filter((id) => known('statusIds').has(id)),
          stageIds: draft[step].stageIds.filter((id) => known('stageIds').has(id)),
        },
      ]),
    ) as FunnelStepsConfig;
    save.mutate(
      { version: stored.data.version, steps: clean },
      {
        onSuccess: () => {
          notifySaved(t('settings.saved'));
          props.onClose();
        },
        onError: (err) =>
          isApiError(err, 'version_conflict') ? setConflict(true) : showFailure(err),
      },
    );
  };

  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      position="right"
      size="lg"
      title={<Title order={3}>{t('settings.title')}</Title>}
      data-testid="funnel-steps-drawer"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('settings.intro')}
        </Text>
        {conflict && (
          <Alert color="yellow" data-testid="funnel-steps-conflict">
            <Stack gap="xs">
              <Text size="sm">{t('settings.conflict')}</Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setConflict(false);
                  void stored.refetch();
                }}
              >
                {t('settings.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        {loading ? (
          <Loader aria-label={t('reports:loading')} />
        ) : (
          CONFIGURABLE_FUNNEL_STEPS.map((step) => (
            <Stack key={step} gap="xs" data-testid={`funnel-step-${step}`}>
              <Title order={4}>{t(`steps.${step}`)}</Title>
              {(['resultIds', 'statusIds', 'stageIds'] as const).map((kind) => (
                <MultiSelect
                  key={kind}
                  label={t(`settings.${kind}`)}
                  data={options[kind]}
                  value={draft[step][kind].filter((id) => known(kind).has(id))}
                  onChange={(ids) => change(step, kind, ids)}
                  searchable
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  data-testid={`funnel-${step}-${kind}`}
                />
              ))}
            </Stack>
          ))
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={save.isPending}
            disabled={loading}
            data-testid="funnel-steps-save"
          >
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
