import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CompanyCreate } from '@spotter/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactRows } from './contact-rows.tsx';
import { LiveDuplicateAlert } from './duplicate-alert.tsx';
import {
  AddressFields,
  CrmFields,
  FormButtons,
  FormColumns,
  FormSection,
  MoreFields,
  submitWithErrors,
} from './form-sections.tsx';
import { companyBody, validateCompany, type CompanyValues } from './form-values.ts';
import type { ContactFormProps } from './person-form.tsx';
import { LookupSelect } from './reference-selects.tsx';

/** Create or edit a company (C-2); creating can add its contact person in the same form. */
export function CompanyForm(props: ContactFormProps<CompanyValues, CompanyCreate>) {
  const { t } = useTranslation('card');
  const [submitting, setSubmitting] = useState(false);
  const creating = props.editingId === undefined;
  const form = useForm<CompanyValues>({
    initialValues: props.initialValues,
    validate: (values) => validateCompany(values, props.customFields, creating),
  });
  const values = form.getValues();

  const submit = async (v: CompanyValues) => {
    const { body, rows } = companyBody(v, props.customFields, creating);
    setSubmitting(true);
    await submitWithErrors(() => props.onSubmit(body), rows, form.setErrors);
    setSubmitting(false);
  };

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate data-testid="company-form">
      <Stack gap="md">
        <LiveDuplicateAlert kind="company" values={values} excludeId={props.editingId} />
        <FormColumns>
          <Stack gap="md">
            <FormSection title={t('sections.company')}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  label={t('fields.companyName')}
                  required
                  data-testid="company-name"
                  data-autofocus
                  {...form.getInputProps('name')}
                />
                <TextInput
                  label={t('fields.orgNumber')}
                  data-testid="org-number"
                  {...form.getInputProps('orgNumber')}
                />
              </SimpleGrid>
              <ContactRows form={form} list="phones" />
              <ContactRows form={form} list="emails" />
            </FormSection>
            <FormSection title={t('fields.billingAddress')}>
              <AddressFields form={form} path="billingAddress" testId="billing" />
            </FormSection>
            <FormSection title={t('fields.visitingAddress')}>
              <AddressFields form={form} path="visitingAddress" testId="visiting" />
            </FormSection>
          </Stack>
          <Stack gap="md">
            <FormSection title={t('sections.crm')}>
              <CrmFields form={form} kind="company">
                <LookupSelect
                  lookup="industries"
                  label={t('fields.industry')}
                  testId="industry"
                  {...form.getInputProps('industryId')}
                />
              </CrmFields>
            </FormSection>
            <MoreFields form={form} fields={props.customFields} currency={props.currency} />
            {creating && (
              <FormSection title={t('sections.contactPerson')}>
                <Text size="sm" c="dimmed">
                  {t('form.contactPersonHint')}
                </Text>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <TextInput
                    label={t('fields.firstName')}
                    data-testid="cp-first-name"
                    {...form.getInputProps('contactPerson.firstName')}
                  />
                  <TextInput
                    label={t('fields.lastName')}
                    {...form.getInputProps('contactPerson.lastName')}
                  />
                  <TextInput
                    label={t('fields.phone')}
                    type="tel"
                    data-testid="cp-phone"
                    {...form.getInputProps('contactPerson.phone')}
                  />
                  <TextInput
                    label={t('fields.email')}
                    type="email"
                    {...form.getInputProps('contactPerson.email')}
                  />
                </SimpleGrid>
              </FormSection>
            )}
          </Stack>
        </FormColumns>
        <FormButtons
          onCancel={props.onCancel}
          submitting={submitting}
          saveLabel={creating ? t('actions.createCompany') : t('actions.save')}
          testId="save-company"
        />
      </Stack>
    </form>
  );
}
