import {
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Button,
  Group,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Deal, Me, Pipeline, StageState } from '@spotter/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffSelect } from '../../../components/staff-select.tsx';
import {
  useVersionConflict,
  VersionConflictDialog,
} from '../../../components/version-conflict.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useBranchOptions, useLookups } from '../../../lib/crm-reference.ts';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import { DateField } from '../../contact-card/index.ts';
import { ContactPicker } from '../../tasks/index.ts';
import {
  useCreateDeal,
  useDeal,
  useDealList,
  useGroups,
  usePipelines,
  useUpdateDeal,
} from '../api/deals-api.ts';
import { currencyDigits, numberSeparators } from '../money.ts';
import {
  createBody,
  dealValues,
  formErrors,
  newDealValues,
  updateBody,
  type DealContact,
  type DealFormValues,
} from './deal-form.ts';

/** The pipeline a deal's values are in: the one chosen, else the first that is not archived. */
const pipelineOf = (pipelines: readonly Pipeline[], values: DealFormValues) =>
  pipelines.find((p) => p.id === values.pipelineId) ?? pipelines.find((p) => !p.archived);

/** The state of the stage chosen (the first open stage when none is): a lost one asks why. */
const stateOf = (pipelines: readonly Pipeline[], values: DealFormValues): StageState =>
  pipelineOf(pipelines, values)?.stages.find((s) => s.id === values.stageId)?.state ?? 'open';

const options = (
  items: readonly { id: string; name: string; archived?: boolean }[],
  keep: (string | null)[],
) =>
  items
    .filter((i) => !i.archived || keep.includes(i.id))
    .map((i) => ({ value: i.id, label: i.name }));

/**
 * A new deal (S-1) or an edited one: title, person or company, amount in the club's currency,
 * expected close, owner, group, branch, type, pipeline and stage, probability, source and
 * products of interest; a lost stage asks for the reason. Field errors land next to the field;
 * a save over someone else's newer one offers to reload or overwrite.
 */
export function DealFormModal(props: {
  opened: boolean;
  me: Me;
  /** The deal being edited; absent: a new one. */
  deal?: Deal;
  preset?: { contact?: DealContact | null; pipelineId?: string | null };
  onClose: () => void;
  onSaved?: (deal: Deal) => void;
}) {
  const { t, i18n } = useTranslation('deals');
  const { deal, me } = props;
  const currency = deal?.currency ?? me.organization.currency;
  const pipelines = usePipelines(true).data?.items ?? [];
  const types = useDealList('types').data?.items ?? [];
  const reasons = useDealList('lost-reasons').data?.items ?? [];
  const groups = useGroups().data?.items ?? [];
  const branches = useBranchOptions().data?.items ?? [];
  const sources = useLookups('sources').data?.items ?? [];
  const products = useLookups('products').data?.items ?? [];
  const latest = useDeal(props.opened && deal ? deal.id : null);
  const create = useCreateDeal();
  const update = useUpdateDeal();

  // What the dialog starts from, read when it opens: later renders of the page that opened it
  // (a list refreshing, a live update) must not wipe what the user is typing.
  const initialValues = () =>
    deal
      ? dealValues(deal)
      : newDealValues({
          contact: props.preset?.contact ?? null,
          pipelineId: props.preset?.pipelineId ?? null,
          ownerId: me.user.id,
        });
  const form = useForm<DealFormValues>({
    initialValues: initialValues(),
    validate: {
      title: (v) => (v.trim() ? null : t('common:validation.required')),
      contact: (v) => (v ? null : t('common:validation.required')),
      lostReasonId: (v: string | null, values: DealFormValues) =>
        stateOf(pipelines, values) === 'lost' && !v ? t('lost.reasonRequired') : null,
    },
  });
  useEffect(() => {
    if (!props.opened) return;
    const initial = initialValues();
    form.setValues(initial);
    form.resetDirty(initial);
    form.clearErrors();
    // Only when the dialog opens (or opens on another deal).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.opened, deal?.id]);

  const v = form.values;
  const pipeline = pipelineOf(pipelines, v);
  const stages = pipeline?.stages ?? [];
  const lost = stateOf(pipelines, v) === 'lost';
  // The chosen stage, else the one a new deal lands in: the pipeline's first open stage.
  const stage =
    stages.find((s) => s.id === v.stageId) ?? stages.find((s) => s.state === 'open' && !s.archived);

  const saved = (d: Deal) => {
    notifySaved(t(deal ? 'form.saved' : 'form.created', { name: d.title }));
    props.onSaved?.(d);
    props.onClose();
  };
  const save = (values: DealFormValues, version: number | undefined) => {
    const onError = (err: unknown) => {
      if (isApiError(err, 'version_conflict')) conflict.onConflict(values);
      else showFailure(err, (e) => form.setErrors(formErrors(e)));
    };
    const isLost = stateOf(pipelines, values) === 'lost';
    if (deal) {
      update.mutate(
        { id: deal.id, ...updateBody(values, deal, version ?? deal.version, isLost) },
        { onSuccess: saved, onError },
      );
    } else {
      create.mutate(createBody(values, currency, isLost), { onSuccess: saved, onError });
    }
  };
  const conflict = useVersionConflict({
    refetch: latest.refetch,
    reset: (d: Deal) => {
      const fresh = dealValues(d);
      form.setValues(fresh);
      form.resetDirty(fresh);
    },
    save: (values: DealFormValues, version) => save(values, version),
  });

  const digits = currencyDigits(currency);
  const separators = numberSeparators(i18n.language);
  return (
    <>
      <Modal
        opened={props.opened}
        onClose={props.onClose}
        title={t(deal ? 'form.editTitle' : 'form.newTitle')}
        size="lg"
        centered
      >
        <form
          noValidate
          onSubmit={form.onSubmit((values) => save(values, deal?.version))}
          data-testid="deal-form"
        >
          <Stack>
            <TextInput
              label={t('fields.title')}
              required
              data-autofocus
              maxLength={200}
              data-testid="deal-title"
              {...form.getInputProps('title')}
            />
            <ContactPicker
              label={t('fields.contact')}
              required
              value={v.contact}
              onChange={(c) => form.setFieldValue('contact', c)}
              error={form.errors.contact}
              testId="deal-contact"
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <NumberInput
                label={`${t('fields.amount')} (${currency})`}
                min={0}
                decimalScale={digits}
                thousandSeparator={separators.group}
                decimalSeparator={separators.decimal}
                data-testid="deal-amount"
                {...form.getInputProps('amount')}
              />
              <DateField
                label={t('fields.expectedCloseDate')}
                data-testid="deal-close-date"
                {...form.getInputProps('expectedCloseDate')}
              />
              <Select
                label={t('fields.pipeline')}
                data={options(pipelines, [v.pipelineId])}
                value={pipeline?.id ?? null}
                allowDeselect={false}
                onChange={(id) => {
                  form.setFieldValue('pipelineId', id);
                  form.setFieldValue('stageId', null);
                }}
                comboboxProps={{ withinPortal: true }}
                data-testid="deal-pipeline"
              />
              <Select
                label={t('fields.stage')}
                placeholder={t('form.firstStage')}
                data={stages
                  .filter((s) => !s.archived || s.id === v.stageId)
                  .map((s) => ({ value: s.id, label: s.name }))}
                clearable={!deal}
                comboboxProps={{ withinPortal: true }}
                data-testid="deal-stage"
                {...form.getInputProps('stageId')}
              />
              <StaffSelect
                label={t('fields.owner')}
                clearable
                testId="deal-owner"
                {...form.getInputProps('ownerId')}
              />
              <NumberInput
                label={t('fields.probability')}
                description={t('form.probabilityHelp', { value: stage?.probability ?? '—' })}
                min={0}
                max={100}
                allowDecimal={false}
                suffix=" %"
                data-testid="deal-probability"
                {...form.getInputProps('probabilityOverride')}
              />
              <Select
                label={t('fields.type')}
                data={options(types, [v.typeId])}
                clearable
                comboboxProps={{ withinPortal: true }}
                data-testid="deal-type"
                {...form.getInputProps('typeId')}
              />
              {groups.length > 0 && (
                <Select
                  label={t('fields.group')}
                  data={groups
                    .filter((g) => !g.archived || g.id === v.groupId)
                    .map((g) => ({ value: g.id, label: `${'  '.repeat(g.depth)}${g.name}` }))}
                  clearable
                  searchable
                  comboboxProps={{ withinPortal: true }}
                  data-testid="deal-group"
                  {...form.getInputProps('groupId')}
                />
              )}
              {branches.length > 0 && (
                <Select
                  label={t('fields.branch')}
                  data={options(branches, [v.branchId])}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  data-testid="deal-branch"
                  {...form.getInputProps('branchId')}
                />
              )}
              <Select
                label={t('fields.source')}
                data={options(sources, [v.sourceId])}
                clearable
                searchable
                comboboxProps={{ withinPortal: true }}
                data-testid="deal-source"
                {...form.getInputProps('sourceId')}
              />
            </SimpleGrid>
            <MultiSelect
              label={t('fields.products')}
              data={options(products, v.productIds)}
              searchable
              clearable
              comboboxProps={{ withinPortal: true }}
              data-testid="deal-products"
              {...form.getInputProps('productIds')}
            />
            {lost && (
              <>
                <Select
                  label={t('fields.lostReason')}
                  required
                  data={options(reasons, [v.lostReasonId])}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="deal-lost-reason"
                  {...form.getInputProps('lostReasonId')}
                />
                <Textarea
                  label={t('fields.lostComment')}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  data-testid="deal-lost-comment"
                  {...form.getInputProps('lostComment')}
                />
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onClose}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                type="submit"
                loading={create.isPending || update.isPending}
                data-testid="deal-save"
              >
                {deal ? t('common:actions.save') : t('form.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <VersionConflictDialog state={conflict} ns="deals" />
    </>
  );
}
