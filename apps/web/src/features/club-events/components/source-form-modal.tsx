import { Select } from '@mantine/core';
import {
  EVENT_SOURCE_KINDS,
  eventSourceCreateSchema,
  type EventSource,
  type EventSourceKind,
} from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { NamedFormModal, useDialogForm } from '../../../components/form-modal.tsx';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import {
  useCreateEventSource,
  useUpdateEventSource,
  type SourceSecret,
} from '../api/club-events-api.ts';

type Values = { name: string; kind: EventSourceKind };

/** Connects a new system (its secret comes back once) or renames one. */
export function SourceFormModal(props: {
  opened: boolean;
  source: EventSource | null;
  onClose: () => void;
  onCreated: (answer: SourceSecret) => void;
}) {
  const { t } = useTranslation('clubEvents');
  const create = useCreateEventSource();
  const update = useUpdateEventSource();
  const form = useDialogForm<Values, EventSource | null>({
    opened: props.opened,
    source: props.source,
    values: (s) => ({ name: s?.name ?? '', kind: s?.kind ?? 'membership' }),
    schema: eventSourceCreateSchema,
  });
  return (
    <NamedFormModal
      form={form}
      opened={props.opened}
      title={props.source ? t('sources.editTitle') : t('sources.add')}
      loading={create.isPending || update.isPending}
      nameLabel={t('sources.name')}
      testIdPrefix="source"
      onClose={props.onClose}
      onSubmit={(values, setErrors) => {
        const source = props.source;
        if (!source) {
          create.mutate(values, {
            onSuccess: (answer) => {
              props.onClose();
              props.onCreated(answer);
            },
            onError: (err) => showFailure(err, setErrors),
          });
          return;
        }
        update.mutate(
          { id: source.id, ...values, version: source.version },
          {
            onSuccess: () => {
              props.onClose();
              notifySaved(t('sources.saved'));
            },
            onError: (err) => showFailure(err, setErrors),
          },
        );
      }}
    >
      <Select
        label={t('sources.kind')}
        description={t('sources.kindHint')}
        data={EVENT_SOURCE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        allowDeselect={false}
        data-testid="source-kind"
        {...form.getInputProps('kind')}
      />
    </NamedFormModal>
  );
}
