import { Badge, Button, ColorSwatch, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Pipeline, Stage } from '@spotter/contracts';
import { IconPlus, IconTimeline } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchivedBadge } from '../../../components/settings/archived-badge.tsx';
import { ArchivedToggle } from '../../../components/settings/archived-toggle.tsx';
import { DeleteDialog } from '../../../components/settings/delete-dialog.tsx';
import { EntryListHeader, EntryListStates } from '../../../components/settings/entry-list.tsx';
import {
  EntryOrderButtons,
  EntryRowActions,
  EntryTable,
  useArchivedFilter,
  useSetArchived,
} from '../../../components/settings/entry-table.tsx';
import { useStatuses } from '../../../lib/crm-reference.ts';
import { closeThen, notifySaved, showFailure, type SetErrors } from '../../../lib/feedback.ts';
import { usePipelines } from '../api/deals-api.ts';
import {
  useCreatePipeline,
  useCreateStage,
  useDeletePipeline,
  useDeleteStage,
  useReorderPipelines,
  useReorderStages,
  useUpdatePipeline,
  useUpdateStage,
} from '../api/pipeline-settings-api.ts';
import {
  PipelineModal,
  StageModal,
  type PipelineValues,
  type StageValues,
} from '../components/pipeline-modals.tsx';

/** After a DELETE the server may have archived the entry instead, because deals use it. */
const deletedOrArchived = (t: TFunction<'deals'>, name: string, close: () => void) =>
  closeThen(close, (result: { archived: boolean } | undefined) =>
    result?.archived
      ? notifications.show({
          color: 'yellow',
          title: t('settings.archivedInsteadTitle', { name }),
          message: t('settings.archivedInsteadText'),
          autoClose: 8000,
        })
      : notifySaved(t('settings.deleted', { name })),
  );

/** One pipeline: its name and won status above its stages, in order, with their actions. */
function PipelineStages(props: {
  pipeline: Pipeline;
  showArchived: boolean;
  onEditStage: (stage: Stage | 'new') => void;
  onDeleteStage: (stage: Stage) => void;
}) {
  const { t } = useTranslation('deals');
  const { pipeline } = props;
  const update = useUpdateStage();
  const reorder = useReorderStages(pipeline);
  const all = [...pipeline.stages].sort((a, b) => a.position - b.position);
  const items = props.showArchived ? all : all.filter((s) => !s.archived);
  const setArchived = useSetArchived(update, undefined, (stage: Stage, archived: boolean) => ({
    pipelineId: pipeline.id,
    id: stage.id,
    archived,
  }));
  return (
    <>
      {items.length > 0 && (
        <EntryTable
          testId={`stages-${pipeline.name}`}
          minWidth={520}
          columns={
            <>
              <Table.Th>{t('settings.stageName')}</Table.Th>
              <Table.Th>{t('fields.probability')}</Table.Th>
              <Table.Th>{t('settings.state')}</Table.Th>
            </>
          }
          items={items}
          order={{ all, reorder }}
          rowTestId={(s) => `stage-row-${s.name}`}
          cells={(s) => (
            <>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <ColorSwatch color={s.color} size={14} />
                  <Text size="sm">{s.name}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('column.probability', { value: s.probability })}</Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={s.state === 'won' ? 'teal' : s.state === 'lost' ? 'red' : 'blue'}
                >
                  {t(`state.${s.state}`)}
                </Badge>
              </Table.Td>
            </>
          )}
          onEdit={props.onEditStage}
          onArchive={setArchived}
          onDelete={props.onDeleteStage}
        />
      )}
      <Group mt="sm">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => props.onEditStage('new')}
          data-testid={`stage-add-${pipeline.name}`}
        >
          {t('settings.addStage')}
        </Button>
      </Group>
    </>
  );
}

/**
 * Pipelines and their stages (S-2, seed 001's "Steg"): several pipelines, each with ordered
 * stages of a probability, a state (open, won, lost) and a colour. Entries deals use are
 * archived, not deleted.
 */
export function PipelinesSettingsPage() {
  const { t } = useTranslation('deals');
  const pipelines = usePipelines(true);
  const statuses = useStatuses('person').data?.items ?? [];
  const all = [...(pipelines.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const { showArchived, setShowArchived, archivedCount, items } = useArchivedFilter(all);
  const archivedStages = all.reduce((n, p) => n + p.stages.filter((s) => s.archived).length, 0);
  const createPipeline = useCreatePipeline();
  const updatePipeline = useUpdatePipeline();
  const deletePipeline = useDeletePipeline();
  const reorderPipelines = useReorderPipelines(all);
  const createStage = useCreateStage();
  const updateStage = useUpdateStage();
  const deleteStage = useDeleteStage();
  const [editing, setEditing] = useState<Pipeline | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Pipeline | null>(null);
  const [stageEdit, setStageEdit] = useState<{ pipeline: Pipeline; stage: Stage | null } | null>(
    null,
  );
  const [stageDelete, setStageDelete] = useState<{ pipeline: Pipeline; stage: Stage } | null>(null);
  const setPipelineArchived = useSetArchived(
    updatePipeline,
    undefined,
    (p: Pipeline, archived: boolean) => ({ id: p.id, archived, version: p.version }),
  );

  const submitPipeline = (values: PipelineValues, setErrors: SetErrors) => {
    const done = {
      onSuccess: (p: Pipeline) => {
        setEditing(null);
        notifySaved(t('settings.saved', { name: p.name }));
      },
      onError: (err: unknown) => showFailure(err, setErrors),
    };
    if (editing === 'new') createPipeline.mutate(values, done);
    else if (editing) {
      updatePipeline.mutate({ id: editing.id, ...values, version: editing.version }, done);
    }
  };
  const submitStage = (values: StageValues, setErrors: SetErrors) => {
    if (!stageEdit) return;
    const done = {
      onSuccess: () => {
        setStageEdit(null);
        notifySaved(t('settings.saved', { name: values.name }));
      },
      onError: (err: unknown) => showFailure(err, setErrors),
    };
    const pipelineId = stageEdit.pipeline.id;
    if (stageEdit.stage)
      updateStage.mutate({ pipelineId, id: stageEdit.stage.id, ...values }, done);
    else createStage.mutate({ pipelineId, ...values }, done);
  };

  return (
    <>
      <EntryListHeader
        controls={
          <ArchivedToggle
            count={archivedCount + archivedStages}
            checked={showArchived}
            onChange={setShowArchived}
          />
        }
        add={{
          label: t('settings.addPipeline'),
          testId: 'pipeline-add',
          onClick: () => setEditing('new'),
        }}
        intro={t('settings.intro')}
      />
      <EntryListStates
        query={pipelines}
        empty={items.length === 0}
        icon={<IconTimeline size={28} />}
        title={t('settings.emptyTitle')}
        text={t('settings.emptyText')}
        addLabel={t('settings.addPipeline')}
        onAdd={() => setEditing('new')}
      />
      <Stack gap="lg">
        {items.map((p, i) => (
          <Paper key={p.id} withBorder radius="md" p="md" data-testid={`pipeline-${p.name}`}>
            <Group justify="space-between" mb="sm" wrap="nowrap">
              <Group gap="sm">
                <EntryOrderButtons
                  entry={p}
                  index={i}
                  items={items}
                  all={all}
                  reorder={reorderPipelines}
                />
                <Stack gap={0}>
                  <Title order={4}>{p.name}</Title>
                  <Text size="xs" c="dimmed">
                    {p.wonStatusId
                      ? t('settings.wonMakes', {
                          status: statuses.find((s) => s.id === p.wonStatusId)?.name ?? '—',
                        })
                      : t('settings.wonStatusNone')}
                  </Text>
                </Stack>
                <ArchivedBadge archived={p.archived} />
              </Group>
              <EntryRowActions
                entry={p}
                onEdit={() => setEditing(p)}
                onArchive={(archived) => setPipelineArchived(p, archived)}
                onDelete={() => setDeleting(p)}
              />
            </Group>
            <PipelineStages
              pipeline={p}
              showArchived={showArchived}
              onEditStage={(stage) =>
                setStageEdit({ pipeline: p, stage: stage === 'new' ? null : stage })
              }
              onDeleteStage={(stage) => setStageDelete({ pipeline: p, stage })}
            />
          </Paper>
        ))}
      </Stack>
      <PipelineModal
        opened={editing !== null}
        pipeline={editing === 'new' ? null : editing}
        loading={createPipeline.isPending || updatePipeline.isPending}
        onSubmit={submitPipeline}
        onClose={() => setEditing(null)}
      />
      <StageModal
        opened={stageEdit !== null}
        stage={stageEdit?.stage ?? null}
        loading={createStage.isPending || updateStage.isPending}
        onSubmit={submitStage}
        onClose={() => setStageEdit(null)}
      />
      <DeleteDialog
        entry={deleting}
        title={t('settings.deletePipelineTitle')}
        message={t('settings.deletePipelineText', { name: deleting?.name ?? '' })}
        loading={deletePipeline.isPending}
        onConfirm={(p) =>
          deletePipeline.mutate(
            p.id,
            deletedOrArchived(t, p.name, () => setDeleting(null)),
          )
        }
        onClose={() => setDeleting(null)}
      />
      <DeleteDialog
        entry={stageDelete}
        title={t('settings.deleteStageTitle')}
        message={t('settings.deleteStageText', { name: stageDelete?.stage.name ?? '' })}
        loading={deleteStage.isPending}
        onConfirm={({ pipeline, stage }) =>
          deleteStage.mutate(
            { pipelineId: pipeline.id, id: stage.id },
            deletedOrArchived(t, stage.name, () => setStageDelete(null)),
          )
        }
        onClose={() => setStageDelete(null)}
      />
    </>
  );
}
