import { Button, Group, Paper, Select, Text } from '@mantine/core';
import type { Pipeline } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffSelect } from '../../../components/staff-select.tsx';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import { useBulkDeals } from '../api/deals-api.ts';
import { LostDialog } from './lost-dialog.tsx';

/**
 * The selected deals' new owner or stage, in one request. A stage is offered once the list shows
 * one pipeline; a lost stage asks why, as a drop on the board does.
 */
export function BulkBar(props: {
  ids: string[];
  pipeline: Pipeline | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation('deals');
  const bulk = useBulkDeals();
  const [owner, setOwner] = useState<string | null>(null);
  const [stageId, setStageId] = useState<string | null>(null);
  const [losing, setLosing] = useState(false);
  const stages = (props.pipeline?.stages ?? []).filter((s) => !s.archived);
  const stage = stages.find((s) => s.id === stageId);
  const count = props.ids.length;

  const done = (affected: number) => {
    notifySaved(t('bulk.done', { count: affected }));
    setOwner(null);
    setStageId(null);
    setLosing(false);
    props.onDone();
  };
  const setStage = (extra: { lostReasonId?: string; lostComment?: string } = {}) =>
    stage &&
    bulk.mutate(
      { ids: props.ids, change: { action: 'setStage', stageId: stage.id, ...extra } },
      { onSuccess: (r) => done(r.affected), onError: (err) => showFailure(err) },
    );

  return (
    <Paper withBorder radius="md" p="sm" mb="md" bg="blue.0" data-testid="deals-bulk">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('bulk.selected', { count })}
        </Text>
        <Group gap={6} wrap="nowrap">
          <StaffSelect
            size="xs"
            w={180}
            aria-label={t('bulk.owner')}
            placeholder={t('bulk.owner')}
            value={owner}
            onChange={setOwner}
            testId="deals-bulk-owner"
          />
          <Button
            size="xs"
            disabled={!owner}
            loading={bulk.isPending}
            onClick={() =>
              bulk.mutate(
                {
                  ids: props.ids,
                  change: { action: 'setOwner', ownerId: owner },
                },
                { onSuccess: (r) => done(r.affected), onError: (err) => showFailure(err) },
              )
            }
            data-testid="deals-bulk-owner-apply"
          >
            {t('bulk.apply')}
          </Button>
        </Group>
        {stages.length > 0 ? (
          <Group gap={6} wrap="nowrap">
            <Select
              size="xs"
              w={180}
              aria-label={t('bulk.stage')}
              placeholder={t('bulk.stage')}
              data={stages.map((s) => ({ value: s.id, label: s.name }))}
              value={stageId}
              onChange={setStageId}
              data-testid="deals-bulk-stage"
            />
            <Button
              size="xs"
              disabled={!stage}
              loading={bulk.isPending}
              onClick={() => (stage?.state === 'lost' ? setLosing(true) : setStage())}
              data-testid="deals-bulk-stage-apply"
            >
              {t('bulk.apply')}
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('bulk.pickPipeline')}
          </Text>
        )}
      </Group>
      <LostDialog
        deal={losing ? { title: t('bulk.selected', { count }) } : null}
        loading={bulk.isPending}
        onCancel={() => setLosing(false)}
        onConfirm={(reason) => setStage(reason)}
      />
    </Paper>
  );
}
