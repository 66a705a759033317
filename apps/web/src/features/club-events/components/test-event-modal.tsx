import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  CLUB_EVENT_TYPES,
  type ClubEventType,
  type EventReceipt,
  type EventSourceKind,
} from '@spotter/contracts';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { showFailure } from '../../../lib/feedback.ts';
import { useSendTestEvent } from '../api/club-events-api.ts';
import { optionLabelKey } from './labels.ts';
import {
  TEST_FIELDS,
  dataOf,
  exampleValues,
  formFieldOf,
  type TestField,
  type TestValues,
} from './test-event-fields.ts';

function FieldInput(props: {
  field: TestField;
  value: string | number | boolean | undefined;
  error: string | undefined;
  onChange: (value: string | number | boolean) => void;
}) {
  const { t } = useTranslation('clubEvents');
  const { field } = props;
  const label = t(`test.fields.${field.path}`);
  const common = {
    label,
    required: field.required,
    error: props.error,
    'data-testid': `test-field-${field.path}`,
  };
  switch (field.input) {
    case 'boolean':
      return (
        <Checkbox
          label={label}
          checked={props.value === true}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
          error={props.error}
          data-testid={`test-field-${field.path}`}
          mt="lg"
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof props.value === 'number' ? props.value : String(props.value ?? '')}
          onChange={(v) => props.onChange(v)}
          decimalScale={2}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({
            value: o,
            label: t(optionLabelKey(field.path, o)),
          }))}
          value={typeof props.value === 'string' && props.value ? props.value : null}
          onChange={(v) => props.onChange(v ?? '')}
          clearable={!field.required}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={
            field.input === 'date' ? 'date' : field.input === 'datetime' ? 'datetime-local' : 'text'
          }
          description={field.input === 'list' ? t('test.listHint') : undefined}
          value={String(props.value ?? '')}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      );
  }
}

/**
 * "Send a test event" (issue 12): any event type, filled with example values to change, sent
 * as the source and processed like a real delivery; the receipt links to the event log.
 */
/** What a system of each kind most likely sends, to start the form with. */
const FIRST_TYPE: Record<EventSourceKind, ClubEventType> = {
  membership: 'member.upserted',
  booking: 'booking.created',
  payments: 'payment.failed',
  telephony: 'call.started',
  twilio: 'call.started',
  other: 'payment.failed',
};

export function TestEventModal(props: {
  source: { id: string; name: string; kind: EventSourceKind } | null;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('clubEvents');
  const send = useSendTestEvent();
  const [type, setType] = useState<ClubEventType>('payment.failed');
  const [values, setValues] = useState<TestValues>({});
  const [occurredAt, setOccurredAt] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [receipt, setReceipt] = useState<EventReceipt | null>(null);
  const opened = props.source !== null;

  useEffect(() => {
    if (!props.source) return;
    setType(FIRST_TYPE[props.source.kind]);
    setValues(exampleValues(new Date(), props.currency));
    setOccurredAt('');
    setErrors({});
    setReceipt(null);
    send.reset();
    // Only when the dialog opens: a fresh example each time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!props.source) return;
    const at = occurredAt ? new Date(occurredAt) : null;
    send.mutate(
      {
        sourceId: props.source.id,
        type,
        ...(at && !Number.isNaN(at.getTime()) ? { occurredAt: at.toISOString() } : {}),
        data: dataOf(type, values),
      },
      {
        onSuccess: (answer) => {
          setErrors({});
          setReceipt(answer);
        },
        onError: (err) =>
          showFailure(err, (fields) =>
            setErrors(
              Object.fromEntries(Object.entries(fields).map(([k, v]) => [formFieldOf(k), v])),
            ),
          ),
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      title={t('test.title', { name: props.source?.name ?? '' })}
      size="xl"
      centered
    >
      {receipt ? (
        <Stack data-testid="test-receipt">
          <Alert
            color="teal"
            icon={<IconCircleCheck size={18} />}
            title={t(`test.outcome.${receipt.outcome}`)}
          >
            <Text size="sm">{t('test.receiptText', { type: t(`types.${type}`) })}</Text>
            <Text size="xs" mt={4}>
              {t('test.eventId')} <Code>{receipt.id}</Code>
            </Text>
          </Alert>
          <Group justify="flex-end">
            <Anchor
              renderRoot={(p) => (
                <Link {...p} to="/settings/event-log" search={{ sourceId: props.source?.id }} />
              )}
              onClick={props.onClose}
              data-testid="test-open-log"
            >
              {t('test.openLog')}
            </Anchor>
            <Button variant="default" onClick={() => setReceipt(null)} data-testid="test-again">
              {t('test.again')}
            </Button>
            <Button onClick={props.onClose}>{t('secret.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="test-event-form">
          <Stack>
            <Text size="sm" c="dimmed">
              {t('test.intro')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('test.type')}
                data={CLUB_EVENT_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
                value={type}
                onChange={(v) => {
                  if (!v) return;
                  setType(v as ClubEventType);
                  setErrors({});
                }}
                allowDeselect={false}
                searchable
                data-autofocus
                data-testid="test-type"
              />
              <TextInput
                type="datetime-local"
                label={t('test.occurredAt')}
                description={t('test.occurredAtHint')}
                value={occurredAt}
                onChange={(e) => setOccurredAt(e.currentTarget.value)}
                error={errors.occurredAt}
                data-testid="test-occurred-at"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="test-fields">
              {TEST_FIELDS[type].map((field) => (
                <FieldInput
                  key={`${type}:${field.path}`}
                  field={field}
                  value={values[field.path]}
                  error={errors[field.path]}
                  onChange={(v) => setValues((prev) => ({ ...prev, [field.path]: v }))}
                />
              ))}
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onClose}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={send.isPending} data-testid="test-send">
                {t('test.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
