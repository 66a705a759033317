import { Anchor, Badge, Group, Paper, Select, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Me, TaskContact } from '@spotter/contracts';
import { IconExternalLink } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { CardLine } from './card-line.tsx';
import { EntryBadge } from '../../../components/status-badge.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useMayBeResponsible, useStaff, useStatuses } from '../../../lib/crm-reference.ts';
import { errorMessage } from '../../../lib/validation.ts';
import {
  EmailList,
  PhoneList,
  useContact,
  usePhoneRegion,
  useUpdateContact,
} from '../../contact-card/index.ts';
import { GuardianLine } from '../../tasks/index.ts';
import { WriteToPerson } from '../../mailing/index.ts';

/** Who the card is about (C-15): phones, emails, CRM status, and the responsible, changeable. */
export function CardContactPanel(props: { contact: TaskContact; me: Me }) {
  const { t } = useTranslation('board');
  const { kind, id } = props.contact;
  const query = useContact(kind, id);
  const update = useUpdateContact(kind, id);
  const statuses = useStatuses(kind).data?.items ?? [];
  const staff = useStaff().data?.items ?? [];
  const mayBeResponsible = useMayBeResponsible();
  const canEdit = props.me.permissions.includes('contacts.write');
  const region = usePhoneRegion();

  if (query.isPending) return <Skeleton height={140} radius="md" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const contact = query.data;
  const status = statuses.find((s) => s.id === contact.statusId);

  const setResponsible = (responsibleId: string | null) =>
    update.mutate(
      { responsibleId, version: contact.version },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: t('expanded.responsibleSaved') }),
        onError: (err) => {
          if (isApiError(err, 'version_conflict')) {
            // Someone changed the person meanwhile: show theirs, the user picks again.
            notifications.show({ color: 'orange', message: t('expanded.conflict') });
            void query.refetch();
            return;
          }
          notifications.show({ color: 'red', message: errorMessage(err) });
        },
      },
    );

  const staffOptions = staff
    .filter((s) => mayBeResponsible(s) || s.id === contact.responsibleId)
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <Paper withBorder radius="md" p="md" data-testid="expanded-contact">
      <Group justify="space-between" mb="sm" gap="xs">
        <Text fw={700}>{kind === 'person' ? t('expanded.person') : t('expanded.company')}</Text>
        <Anchor
          size="sm"
          data-testid="expanded-contact-link"
          renderRoot={(rootProps) =>
            kind === 'person' ? (
              <Link {...rootProps} to="/persons/$personId" params={{ personId: id }} />
            ) : (
              <Link {...rootProps} to="/companies/$companyId" params={{ companyId: id }} />
            )
          }
        >
          <Group gap={4} wrap="nowrap">
            {t('expanded.openContact')}
            <IconExternalLink size={14} />
          </Group>
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <CardLine label={t('expanded.phones')}>
          <PhoneList phones={contact.phones} />
        </CardLine>
        {props.contact.guardian && (
          <CardLine label={t('expanded.guardian')} testId="expanded-guardian">
            <GuardianLine guardian={props.contact.guardian} region={region} size="sm" />
          </CardLine>
        )}
        <CardLine label={t('expanded.emails')}>
          <EmailList emails={contact.emails} />
        </CardLine>
        <CardLine label={t('expanded.contactStatus')} testId="expanded-contact-status">
          {status ? (
            <EntryBadge entry={status} />
          ) : (
            <Badge variant="outline" color="gray" tt="none" style={{ alignSelf: 'flex-start' }}>
              {t('expanded.noStatus')}
            </Badge>
          )}
        </CardLine>
        <Select
          label={t('expanded.responsible')}
          placeholder={t('expanded.noResponsible')}
          data={staffOptions}
          value={contact.responsibleId}
          onChange={(v) => v !== contact.responsibleId && setResponsible(v)}
          disabled={!canEdit || update.isPending}
          clearable
          searchable
          data-testid="expanded-responsible"
        />
      </SimpleGrid>
      {kind === 'person' && (
        <Group mt="sm">
          <WriteToPerson
            me={props.me}
            person={{
              id,
              name: contact.displayName,
              emails: contact.emails,
              phones: contact.phones,
            }}
          />
        </Group>
      )}
    </Paper>
  );
}
