import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import {
  WEBHOOK_EVENT_TYPES,
  webhookEndpointCreateSchema,
  type WebhookEndpoint,
  type WebhookEventType,
} from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { FormModal, useDialogForm } from '../../../components/form-modal.tsx';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import {
  useCreateWebhookEndpoint,
  useUpdateWebhookEndpoint,
  type EndpointSecret,
} from '../api/webhooks-api.ts';

type Values = { url: string; description: string; eventTypes: WebhookEventType[] };

/** Adds an endpoint (its secret comes back once) or changes one. */
export function EndpointFormModal(props: {
  opened: boolean;
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
  onCreated: (answer: EndpointSecret) => void;
}) {
  const { t } = useTranslation('webhooks');
  const create = useCreateWebhookEndpoint();
  const update = useUpdateWebhookEndpoint();
  const form = useDialogForm<Values, WebhookEndpoint | null>({
    opened: props.opened,
    source: props.endpoint,
    values: (e) => ({
      url: e?.url ?? '',
      description: e?.description ?? '',
      eventTypes: e?.eventTypes ?? [],
    }),
    schema: webhookEndpointCreateSchema,
  });
  const submit = (values: Values) => {
    const endpoint = props.endpoint;
    if (!endpoint) {
      create.mutate(values, {
        onSuccess: (answer) => {
          props.onClose();
          props.onCreated(answer);
        },
        onError: (err) => showFailure(err, form.setErrors),
      });
      return;
    }
    update.mutate(
      { id: endpoint.id, ...values, version: endpoint.version },
      {
        onSuccess: () => {
          props.onClose();
          notifySaved(t('saved'));
        },
        onError: (err) => showFailure(err, form.setErrors),
      },
    );
  };
  return (
    <FormModal
      opened={props.opened}
      title={props.endpoint ? t('editTitle') : t('add')}
      size="lg"
      loading={create.isPending || update.isPending}
      saveTestId="endpoint-save"
      formTestId="endpoint-form"
      onSubmit={form.onSubmit(submit)}
      onClose={props.onClose}
    >
      <TextInput
        label={t('url')}
        description={t('urlHint')}
        required
        data-autofocus
        data-testid="endpoint-url"
        {...form.getInputProps('url')}
      />
      <TextInput
        label={t('description')}
        description={t('descriptionHint')}
        data-testid="endpoint-description"
        {...form.getInputProps('description')}
      />
      <Checkbox.Group label={t('events')} required {...form.getInputProps('eventTypes')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <Checkbox
              key={type}
              value={type}
              label={t(`types.${type}`)}
              data-testid={`endpoint-event-${type}`}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </FormModal>
  );
}
