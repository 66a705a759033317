import { SimpleGrid, Text, TextInput } from '@mantine/core';
import type { CompanyCreate } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { ContactFormFrame, useContactForm, type ContactFormProps } from './contact-form-frame.tsx';
import { ContactRows } from './contact-rows.tsx';
import { AddressFields, CrmFields, FormSection, MoreFields } from './form-sections.tsx';
import { companyBody, validateCompany, type CompanyValues } from './form-values.ts';
import { LookupSelect } from './reference-selects.tsx';

/** Create or edit a company (C-2); creating can add its contact person in the same form. */
export function CompanyForm(props: ContactFormProps<CompanyValues, CompanyCreate>) {
  const { t } = useTranslation('card');
  const creating = props.editingId === undefined;
  const { form, submitting, onSubmit } = useContactForm(props, {
    validate: (values) => validateCompany(values, props.customFields, creating),
    toBody: (v) => companyBody(v, props.customFields, creating),
  });

  return (
    <ContactFormFrame
      kind="company"
      values={form.getValues()}
      editingId={props.editingId}
      onSubmit={onSubmit}
      submitting={submitting}
      onCancel={props.onCancel}
      createLabel={t('actions.createCompany')}
      testId="company-form"
      saveTestId="save-company"
      left={
        <>
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
        </>
      }
      right={
        <>
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
        </>
      }
    />
  );
}
