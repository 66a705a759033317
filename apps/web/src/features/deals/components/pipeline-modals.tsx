import { ColorInput, Input, NumberInput, SegmentedControl, Select } from '@mantine/core';
import {
  pipelineCreateSchema,
  stageCreateSchema,
  STAGE_STATES,
  type Pipeline,
  type Stage,
  type StageState,
} from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { NamedFormModal, useDialogForm } from '../../../components/form-modal.tsx';
import { SWATCHES } from '../../../components/settings/color-fields.tsx';
import { useStatuses } from '../../../lib/crm-reference.ts';
import type { SetErrors } from '../../../lib/feedback.ts';

export interface PipelineValues extends Record<string, unknown> {
  name: string;
  wonStatusId: string | null;
}

const pipelineSchema = pipelineCreateSchema.pick({ name: true, wonStatusId: true });

/** A pipeline's name, and the status a won deal gives its person (a Customer). */
export function PipelineModal(props: {
  opened: boolean;
  pipeline: Pipeline | null;
  loading: boolean;
  onSubmit: (values: PipelineValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('deals');
  const statuses = useStatuses('person').data?.items ?? [];
  const form = useDialogForm({
    opened: props.opened,
    source: props.pipeline,
    values: (p: Pipeline | null): PipelineValues => ({
      name: p?.name ?? '',
      wonStatusId: p?.wonStatusId ?? null,
    }),
    schema: pipelineSchema,
  });
  return (
    <NamedFormModal
      form={form}
      opened={props.opened}
      title={t(props.pipeline ? 'settings.editPipeline' : 'settings.addPipeline')}
      loading={props.loading}
      nameLabel={t('settings.pipelineName')}
      testIdPrefix="pipeline"
      onSubmit={props.onSubmit}
      onClose={props.onClose}
    >
      <Select
        label={t('settings.wonStatus')}
        description={t('settings.wonStatusHelp')}
        placeholder={t('settings.wonStatusNone')}
        data={statuses
          .filter((s) => !s.archived || s.id === form.values.wonStatusId)
          .map((s) => ({ value: s.id, label: s.name }))}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="pipeline-won-status"
        {...form.getInputProps('wonStatusId')}
      />
    </NamedFormModal>
  );
}

export interface StageValues extends Record<string, unknown> {
  name: string;
  probability: number;
  state: StageState;
  color: string;
}

const stageSchema = stageCreateSchema.pick({
  name: true,
  probability: true,
  state: true,
  color: true,
});
const DEFAULT_PROBABILITY: Record<StageState, number> = { open: 50, won: 100, lost: 0 };

/** A stage (S-2): title, probability %, state open/won/lost and its colour on the board. */
export function StageModal(props: {
  opened: boolean;
  stage: Stage | null;
  loading: boolean;
  onSubmit: (values: StageValues, setErrors: SetErrors) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('deals');
  const form = useDialogForm({
    opened: props.opened,
    source: props.stage,
    values: (s: Stage | null): StageValues => ({
      name: s?.name ?? '',
      probability: s?.probability ?? DEFAULT_PROBABILITY.open,
      state: s?.state ?? 'open',
      color: s?.color ?? '#228be6',
    }),
    schema: stageSchema,
  });
  return (
    <NamedFormModal
      form={form}
      opened={props.opened}
      title={t(props.stage ? 'settings.editStage' : 'settings.addStage')}
      loading={props.loading}
      nameLabel={t('settings.stageName')}
      testIdPrefix="stage"
      onSubmit={props.onSubmit}
      onClose={props.onClose}
    >
      <Input.Wrapper label={t('settings.state')} description={t('settings.stateHelp')}>
        <SegmentedControl
          fullWidth
          mt={4}
          data={STAGE_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={form.values.state}
          onChange={(v) => {
            const state = v as StageState;
            form.setFieldValue('state', state);
            // A new won stage is sure, a lost one is not; an edited stage keeps what was set.
            if (!props.stage) form.setFieldValue('probability', DEFAULT_PROBABILITY[state]);
          }}
          data-testid="stage-state"
        />
      </Input.Wrapper>
      <NumberInput
        label={t('fields.probability')}
        min={0}
        max={100}
        allowDecimal={false}
        suffix=" %"
        data-testid="stage-probability"
        {...form.getInputProps('probability')}
      />
      <ColorInput
        label={t('settings.color')}
        format="hex"
        swatches={SWATCHES}
        data-testid="stage-color"
        {...form.getInputProps('color')}
      />
    </NamedFormModal>
  );
}
