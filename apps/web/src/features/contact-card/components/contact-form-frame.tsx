import { Stack } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import type { ContactKind, CustomField } from '@spotter/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveDuplicateAlert } from './duplicate-alert.tsx';
import { FormButtons, FormColumns, submitWithErrors } from './form-sections.tsx';
import type { CommonValues, RowMap } from './form-values.ts';

export interface ContactFormProps<V, B> {
  initialValues: V;
  customFields: CustomField[];
  currency: string;
  /** Set when editing: the record itself is no duplicate of itself. */
  editingId?: string;
  onSubmit: (body: B) => Promise<unknown>;
  onCancel?: () => void;
}

/**
 * The form state a person form and a company form share: values checked by `validate`, sent as
 * the body `toBody` makes, with the server's field errors put back next to their fields.
 */
export function useContactForm<V extends CommonValues, B>(
  props: ContactFormProps<V, B>,
  rules: {
    validate: (values: V) => FormErrors;
    toBody: (values: V) => { body: B; rows: RowMap };
  },
) {
  const [submitting, setSubmitting] = useState(false);
  const form = useForm<V>({
    initialValues: props.initialValues,
    validate: rules.validate,
  });

  const submit = async (v: V) => {
    const { body, rows } = rules.toBody(v);
    setSubmitting(true);
    await submitWithErrors(() => props.onSubmit(body), rows, form.setErrors);
    setSubmitting(false);
  };

  return { form, submitting, onSubmit: form.onSubmit((v) => void submit(v)) };
}

/** The frame around a contact form: duplicate warning, two columns, cancel and save. */
export function ContactFormFrame(props: {
  kind: ContactKind;
  values: CommonValues;
  editingId?: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  submitting: boolean;
  onCancel?: () => void;
  createLabel: string;
  testId: string;
  saveTestId: string;
  /** Shown above the duplicate warning. */
  alert?: ReactNode;
  left: ReactNode;
  right: ReactNode;
}) {
  const { t } = useTranslation('card');
  return (
    <form onSubmit={props.onSubmit} noValidate data-testid={props.testId}>
      <Stack gap="md">
        {props.alert}
        <LiveDuplicateAlert kind={props.kind} values={props.values} excludeId={props.editingId} />
        <FormColumns>
          <Stack gap="md">{props.left}</Stack>
          <Stack gap="md">{props.right}</Stack>
        </FormColumns>
        <FormButtons
          onCancel={props.onCancel}
          submitting={props.submitting}
          saveLabel={props.editingId !== undefined ? t('actions.save') : props.createLabel}
          testId={props.saveTestId}
        />
      </Stack>
    </form>
  );
}
