import { SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CustomField, PersonCreate } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactRows } from './contact-rows.tsx';
import { DateField } from './date-field.tsx';
import { LiveDuplicateAlert } from './duplicate-alert.tsx';
import {
  AddressFields,
  CrmFields,
  FormButtons,
  FormColumns,
  FormErrorAlert,
  FormSection,
  MoreFields,
  submitWithErrors,
} from './form-sections.tsx';
import { personBody, validatePerson, type PersonValues } from './form-values.ts';
import { ContactSearchSelect } from './reference-selects.tsx';

export interface ContactFormProps<V, B> {
  initialValues: V;
  customFields: CustomField[];
  currency: string;
  /** Set when editing: the record itself is no duplicate of itself. */
  editingId?: string;
  onSubmit: (body: B) => Promise<unknown>;
  onCancel?: () => void;
}

/** Create or edit a person (C-1): only a name, a phone or an email is needed. */
export function PersonForm(
  props: ContactFormProps<PersonValues, PersonCreate> & {
    company?: { id: string; name: string } | null;
  },
) {
  const { t } = useTranslation('card');
  const [submitting, setSubmitting] = useState(false);
  const form = useForm<PersonValues>({
    initialValues: props.initialValues,
    validate: (values) => validatePerson(values, props.customFields),
  });
  const values = form.getValues();
  const editing = props.editingId !== undefined;

  const submit = async (v: PersonValues) => {
    const { body, rows } = personBody(
      v,
      props.customFields,
      editing ? props.initialValues : undefined,
    );
    setSubmitting(true);
    await submitWithErrors(() => props.onSubmit(body), rows, form.setErrors);
    setSubmitting(false);
  };

  const consent = (key: 'consentEmail' | 'consentSms') => (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
      <Switch
        label={t(`fields.${key}`)}
        data-testid={key}
        {...form.getInputProps(`${key}.granted`, { type: 'checkbox' })}
      />
      <TextInput
        size="xs"
        aria-label={t('fields.consentSource')}
        placeholder={t('placeholders.consentSource')}
        disabled={!values[key].granted}
        {...form.getInputProps(`${key}.source`)}
      />
    </SimpleGrid>
  );

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate data-testid="person-form">
      <Stack gap="md">
        <FormErrorAlert
          message={
            form.errors.firstName === t('form.identifyRequired') ? form.errors.firstName : null
          }
        />
        <LiveDuplicateAlert kind="person" values={values} excludeId={props.editingId} />
        <FormColumns>
          <Stack gap="md">
            <FormSection title={t('sections.person')}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  label={t('fields.firstName')}
                  data-testid="first-name"
                  data-autofocus
                  {...form.getInputProps('firstName')}
                />
                <TextInput
                  label={t('fields.lastName')}
                  data-testid="last-name"
                  {...form.getInputProps('lastName')}
                />
              </SimpleGrid>
              <ContactRows form={form} list="phones" />
              <ContactRows form={form} list="emails" />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <DateField
                  label={t('fields.birthDate')}
                  data-testid="birth-date"
                  maxDate={new Date()}
                  defaultLevel="decade"
                  {...form.getInputProps('birthDate')}
                />
                <ContactSearchSelect
                  kind="company"
                  label={t('fields.company')}
                  initial={props.company}
                  testId="company"
                  {...form.getInputProps('companyId')}
                />
              </SimpleGrid>
            </FormSection>
            <FormSection title={t('sections.address')}>
              <AddressFields form={form} path="address" testId="address" />
            </FormSection>
          </Stack>
          <Stack gap="md">
            <FormSection title={t('sections.crm')}>
              <CrmFields form={form} kind="person" />
            </FormSection>
            <MoreFields form={form} fields={props.customFields} currency={props.currency} />
            <FormSection title={t('sections.consents')}>
              {consent('consentEmail')}
              {consent('consentSms')}
            </FormSection>
          </Stack>
        </FormColumns>
        <FormButtons
          onCancel={props.onCancel}
          submitting={submitting}
          saveLabel={editing ? t('actions.save') : t('actions.createPerson')}
          testId="save-person"
        />
      </Stack>
    </form>
  );
}
