import { Button, Stack, Table, Text } from '@mantine/core';
import type { Company, Me } from '@spotter/contracts';
import { IconUserPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../lib/phone.ts';
import { CompanyForm } from '../components/company-form.tsx';
import { ContactPageShell } from '../components/contact-page-shell.tsx';
import {
  AddressText,
  Card,
  CreatedField,
  CrmDetails,
  Dash,
  DetailsCard,
  Field,
  LookupName,
  PhoneAndEmailFields,
  usePhoneRegion,
} from '../components/detail-parts.tsx';
import { ContactLink } from '../components/duplicate-alert.tsx';
import { companyValuesOf } from '../components/form-values.ts';
import { ContactTasks } from '../../tasks/index.ts';
import { ContactDeals } from '../../deals/index.ts';

/** The persons linked to the company; a click opens one, a button adds one already linked. */
function ContactPersons(props: { company: Company }) {
  const { t } = useTranslation('card');
  const navigate = useNavigate();
  const region = usePhoneRegion();
  const persons = props.company.contactPersons;
  return (
    <Card
      title={t('sections.contactPersons')}
      testId="contact-persons"
      action={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconUserPlus size={14} />}
          onClick={() =>
            void navigate({ to: '/persons/new', search: { companyId: props.company.id } })
          }
          data-testid="add-contact-person"
        >
          {t('actions.addContactPerson')}
        </Button>
      }
    >
      {persons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('company.noContactPersons')}
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing="xs">
          <Table.Tbody>
            {persons.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <ContactLink kind="person" id={p.id}>
                    {p.displayName}
                  </ContactLink>
                </Table.Td>
                <Table.Td>{p.phone ? formatPhone(p.phone, region) : <Dash />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function CompanyDetails(props: { company: Company; me: Me }) {
  const { t } = useTranslation('card');
  const c = props.company;
  return (
    <Stack gap="md">
      <DetailsCard title={t('sections.company')} testId="company-details">
        <Field label={t('fields.orgNumber')}>
          {c.orgNumber ? <Text>{c.orgNumber}</Text> : <Dash />}
        </Field>
        <Field label={t('fields.industry')}>
          <LookupName lookup="industries" id={c.industryId} />
        </Field>
        <PhoneAndEmailFields contact={c} />
        <Field label={t('fields.billingAddress')}>
          <AddressText address={c.billingAddress} />
        </Field>
        <Field label={t('fields.visitingAddress')}>
          <AddressText address={c.visitingAddress} />
        </Field>
        <CreatedField contact={c} timeZone={props.me.organization.timezone} />
      </DetailsCard>
      <ContactTasks me={props.me} contact={{ id: c.id, kind: 'company', name: c.displayName }} />
      <ContactDeals me={props.me} contact={{ id: c.id, kind: 'company', name: c.displayName }} />
      <ContactPersons company={c} />
      <CrmDetails kind="company" contact={c} currency={props.me.organization.currency} />
    </Stack>
  );
}

/** A company's card (C-2, C-9, C-13): details, contact persons, history, edit, merge. */
export function CompanyPage(props: { me: Me; id: string }) {
  return (
    <ContactPageShell
      kind="company"
      me={props.me}
      id={props.id}
      details={(c) => <CompanyDetails company={c} me={props.me} />}
      editForm={({ contact, region, formProps }) => (
        <CompanyForm initialValues={companyValuesOf(contact, region)} {...formProps} />
      )}
    />
  );
}
