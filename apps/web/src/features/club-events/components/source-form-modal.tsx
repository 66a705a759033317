import { PasswordInput, Select, TextInput } from '@mantine/core';
import {
  EVENT_SOURCE_KINDS,
  eventSourceCreateSchema,
  type EventSource,
  type EventSourceKind,
} from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NamedFormModal, useDialogForm } from '../../../components/form-modal.tsx';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import {
  useCreateEventSource,
  useUpdateEventSource,
  type SourceSecret,
} from '../api/club-events-api.ts';
import { CopyField } from './copy-field.tsx';

type Values = { name: string; kind: EventSourceKind; authToken: string; forwardTo: string };

/** The token and the number are checked by the server, which names either if it is wrong. */
const formSchema = eventSourceCreateSchema
  .pick({ name: true, kind: true })
  .extend({ authToken: z.string(), forwardTo: z.string() });

/** What the form sends about a Twilio number: a new token only when one was typed. */
function twilioFields(values: Values, editing: boolean) {
  if (values.kind !== 'twilio') return {};
  const token = values.authToken.trim();
  const forwardTo = values.forwardTo.trim();
  return {
    ...(token ? { authToken: token } : {}),
    ...(editing ? { forwardTo: forwardTo || null } : forwardTo ? { forwardTo } : {}),
  };
}

/**
 * Connects a new system (its secret comes back once) or edits one. A Twilio number also needs
 * its account's auth token (kept sealed, never shown again) and may forward calls to the club.
 */
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
    values: (s) => ({
      name: s?.name ?? '',
      kind: s?.kind ?? 'membership',
      authToken: '',
      forwardTo: s?.forwardTo ?? '',
    }),
    schema: formSchema,
  });
  const twilio = form.values.kind === 'twilio';
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
        const { name, kind } = values;
        if (!source) {
          create.mutate(
            { name, kind, ...twilioFields(values, false) },
            {
              onSuccess: (answer) => {
                props.onClose();
                props.onCreated(answer);
              },
              onError: (err) => showFailure(err, setErrors),
            },
          );
          return;
        }
        update.mutate(
          { id: source.id, name, kind, ...twilioFields(values, true), version: source.version },
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
      {twilio && (
        <>
          <PasswordInput
            label={t('sources.authToken')}
            description={
              props.source?.hasAuthToken
                ? `${t('sources.authTokenHint')} ${t('sources.authTokenKeep')}`
                : t('sources.authTokenHint')
            }
            required={!props.source?.hasAuthToken}
            autoComplete="off"
            data-testid="source-auth-token"
            {...form.getInputProps('authToken')}
          />
          <TextInput
            label={t('sources.forwardTo')}
            description={t('sources.forwardToHint')}
            type="tel"
            autoComplete="off"
            data-testid="source-forward-to"
            {...form.getInputProps('forwardTo')}
          />
          {props.source?.kind === 'twilio' && (
            <CopyField
              label={t('sources.webhookUrl')}
              value={props.source.url}
              testId="source-webhook-url"
            />
          )}
        </>
      )}
    </NamedFormModal>
  );
}
