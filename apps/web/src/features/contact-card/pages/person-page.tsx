import { Alert, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Me, Person } from '@spotter/contracts';
import { IconBuilding, IconDownload, IconEraser, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { errorMessage } from '../../../lib/validation.ts';
import { useLookups } from '../../../lib/crm-reference.ts';
import { useContact, useErasePerson, useExportPerson } from '../api/contact-api.ts';
import { useFamily } from '../api/family-api.ts';
import { FamilyBlock } from '../components/family-block.tsx';
import { childrenUnlinked, guardianLabel } from '../components/family-values.ts';
import { ContactPageShell } from '../components/contact-page-shell.tsx';
import { formatDay } from '../components/date-field.tsx';
import {
  AddressText,
  Card,
  CreatedField,
  CrmDetails,
  Dash,
  DetailsCard,
  Field,
  PhoneAndEmailFields,
} from '../components/detail-parts.tsx';
import { ContactLink } from '../components/duplicate-alert.tsx';
import { EraseDialog } from '../components/erase-dialog.tsx';
import { personValuesOf } from '../components/form-values.ts';
import { PersonForm } from '../components/person-form.tsx';
import { ContactTasks } from '../../tasks/index.ts';
import { ContactDeals } from '../../deals/index.ts';
import { ClubRecords } from '../../club-events/index.ts';
import { PersonLeadWait } from '../../lead-forms/index.ts';
import { WriteToPerson } from '../../mailing/index.ts';

function Consents(props: { person: Person; timeZone: string }) {
  const { t } = useTranslation('card');
  // A minor's consent names the guardian who gave it, with their role ("Anna Berg (Mother)").
  // The family block asks for the same family, so this costs no request of its own.
  const family = useFamily(props.person.id);
  const roles = useLookups('relation-roles').data?.items ?? [];
  const byName = (by: { id: string; name: string }) => {
    const relation = family.data?.guardians.find((g) => g.person.id === by.id);
    return relation ? guardianLabel(relation, roles) : by.name;
  };
  const line = (key: 'consentEmail' | 'consentSms') => {
    const c = props.person[key];
    const date = formatDateTime(c.at, props.timeZone);
    return (
      <Field label={t(`fields.${key}`)} testId={`${key}-value`}>
        <Text>
          {!c.granted
            ? t('consent.notGranted')
            : c.by
              ? t('consent.grantedBy', { name: byName(c.by), date })
              : t('consent.granted', { date })}
        </Text>
        {c.granted && c.source && (
          <Text size="xs" c="dimmed">
            {t('consent.source', { source: c.source })}
          </Text>
        )}
      </Field>
    );
  };
  return (
    <Card title={t('sections.consents')}>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        {line('consentEmail')}
        {line('consentSms')}
      </SimpleGrid>
    </Card>
  );
}

function PersonDetails(props: { person: Person; me: Me }) {
  const { t, i18n } = useTranslation('card');
  const p = props.person;
  return (
    <Stack gap="md">
      <DetailsCard title={t('sections.person')} testId="person-details">
        <PhoneAndEmailFields contact={p} />
        <Field label={t('fields.birthDate')}>
          {p.birthDate ? (
            <Group gap={6}>
              <Text>{formatDay(p.birthDate, i18n.language)}</Text>
              {p.age !== null && (
                <Text c="dimmed" data-testid="person-age">
                  {t('family.age', { count: p.age })}
                </Text>
              )}
              {p.minor && (
                <Badge size="xs" variant="light" color="grape">
                  {t('family.minor')}
                </Badge>
              )}
            </Group>
          ) : (
            <Dash />
          )}
        </Field>
        <Field label={t('fields.company')}>
          {p.company ? (
            <ContactLink kind="company" id={p.company.id}>
              {p.company.name}
            </ContactLink>
          ) : (
            <Dash />
          )}
        </Field>
        <Field label={t('fields.address')}>
          <AddressText address={p.address} />
        </Field>
        <CreatedField contact={p} timeZone={props.me.organization.timezone} />
      </DetailsCard>
      {!p.erasedAt && (
        <FamilyBlock
          personId={p.id}
          lastName={p.lastName}
          canEdit={props.me.permissions.includes('contacts.write')}
        />
      )}
      <ContactTasks me={props.me} contact={{ id: p.id, kind: 'person', name: p.displayName }} />
      <ContactDeals me={props.me} contact={{ id: p.id, kind: 'person', name: p.displayName }} />
      <CrmDetails kind="person" contact={p} currency={props.me.organization.currency} />
      <ClubRecords personId={p.id} me={props.me} />
      <Consents person={p} timeZone={props.me.organization.timezone} />
    </Stack>
  );
}

/** A person's card (C-1, C-9, C-13, C-16): details, history, edit, merge, export, erase. */
export function PersonPage(props: { me: Me; id: string }) {
  const { t } = useTranslation('card');
  const exportData = useExportPerson(props.id);
  const erase = useErasePerson(props.id);
  const person = useContact('person', props.id);
  const [erasing, setErasing] = useState(false);
  // Erasing a guardian unlinks their children (they stay): the dialog names them first.
  const family = useFamily(props.id);
  const isAdmin = props.me.permissions.includes('contacts.admin');
  const timeZone = props.me.organization.timezone;

  return (
    <>
      <ContactPageShell
        kind="person"
        me={props.me}
        id={props.id}
        details={(p) => <PersonDetails person={p} me={props.me} />}
        subtitle={(p) => (
          <>
            {p.company && (
              <Text size="sm" c="dimmed">
                <IconBuilding size={14} style={{ verticalAlign: -2 }} />{' '}
                <ContactLink kind="company" id={p.company.id}>
                  {p.company.name}
                </ContactLink>
              </Text>
            )}
            <PersonLeadWait personId={p.id} timeZone={timeZone} />
            {!p.erasedAt && (
              <WriteToPerson
                me={props.me}
                person={{ id: p.id, name: p.displayName, emails: p.emails, phones: p.phones }}
              />
            )}
          </>
        )}
        banner={(p) =>
          p.erasedAt && (
            <Alert color="gray" icon={<IconShieldLock size={18} />} data-testid="erased-banner">
              {t('erase.banner', { date: formatDateTime(p.erasedAt, timeZone) })}
            </Alert>
          )
        }
        extraActions={(p) => [
          isAdmin && {
            label: t('privacy.export'),
            icon: <IconDownload size={16} />,
            testId: 'export-person',
            onClick: () =>
              exportData.mutate(undefined, {
                onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
              }),
          },
          isAdmin &&
            !p.erasedAt && {
              label: t('privacy.erase'),
              icon: <IconEraser size={16} />,
              testId: 'erase-person',
              danger: true,
              onClick: () => setErasing(true),
            },
        ]}
        editForm={({ contact, region, formProps }) => (
          <PersonForm
            initialValues={personValuesOf(contact, region)}
            company={contact.company}
            {...formProps}
          />
        )}
      />
      {person.data && (
        <EraseDialog
          opened={erasing}
          name={person.data.displayName}
          unlinkedChildren={childrenUnlinked(family.data)}
          loading={erase.isPending}
          onClose={() => setErasing(false)}
          onConfirm={() =>
            erase.mutate(undefined, {
              onSuccess: () => {
                setErasing(false);
                notifications.show({ color: 'teal', message: t('erase.done') });
              },
              onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
            })
          }
        />
      )}
    </>
  );
}
