import { Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import type { PersonCreate } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import { useLookups } from '../../../lib/crm-reference.ts';
import { fieldErrorText } from '../../../lib/validation.ts';
import { useFamily } from '../api/family-api.ts';
import { ContactFormFrame, useContactForm, type ContactFormProps } from './contact-form-frame.tsx';
import { ContactRows } from './contact-rows.tsx';
import { DateField } from './date-field.tsx';
import {
  AddressFields,
  CrmFields,
  FormErrorAlert,
  FormSection,
  MoreFields,
} from './form-sections.tsx';
import { guardianLabel } from './family-values.ts';
import { personBody, validatePerson, type PersonValues } from './form-values.ts';
import { ContactSearchSelect } from './reference-selects.tsx';

/** Create or edit a person (C-1): only a name, a phone or an email is needed. */
export function PersonForm(
  props: ContactFormProps<PersonValues, PersonCreate> & {
    company?: { id: string; name: string } | null;
  },
) {
  const { t } = useTranslation('card');
  const editing = props.editingId !== undefined;
  const { form, submitting, onSubmit } = useContactForm(props, {
    validate: (values) => validatePerson(values, props.customFields),
    toBody: (v) => personBody(v, props.customFields, editing ? props.initialValues : undefined),
  });
  const values = form.getValues();
  // A minor's consent is given by a guardian (issue 17): staff say which one.
  const family = useFamily(props.editingId ?? '', editing);
  const roles = useLookups('relation-roles').data?.items ?? [];
  const givers = (family.data?.guardians ?? []).map((g) => ({
    value: g.person.id,
    label: guardianLabel(g, roles),
  }));

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
      {(givers.length > 0 || values[key].byId) && (
        <Select
          size="xs"
          label={t('consent.givenBy')}
          placeholder={t('consent.givenBySelf')}
          data={givers}
          clearable
          disabled={!values[key].granted}
          data-testid={`${key}-by`}
          {...form.getInputProps(`${key}.byId`)}
        />
      )}
    </SimpleGrid>
  );

  return (
    <ContactFormFrame
      kind="person"
      values={values}
      editingId={props.editingId}
      onSubmit={onSubmit}
      submitting={submitting}
      onCancel={props.onCancel}
      createLabel={t('actions.createPerson')}
      testId="person-form"
      saveTestId="save-person"
      alert={
        <FormErrorAlert
          message={
            form.errors.firstName === fieldErrorText('identify_required')
              ? form.errors.firstName
              : null
          }
        />
      }
      left={
        <>
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
        </>
      }
      right={
        <>
          <FormSection title={t('sections.crm')}>
            <CrmFields form={form} kind="person" />
          </FormSection>
          <MoreFields form={form} fields={props.customFields} currency={props.currency} />
          <FormSection title={t('sections.consents')}>
            {consent('consentEmail')}
            {consent('consentSms')}
          </FormSection>
        </>
      }
    />
  );
}
