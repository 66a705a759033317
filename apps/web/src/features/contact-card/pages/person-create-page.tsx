import { Skeleton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Me } from '@spotter/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCustomFields } from '../../../lib/crm-reference.ts';
import { useContact, useCreatePerson } from '../api/contact-api.ts';
import { emptyPerson } from '../components/form-values.ts';
import { PersonForm } from '../components/person-form.tsx';

/** Reception adds a person in seconds: a name or a phone is enough (C-1). */
export function PersonCreatePage(props: { me: Me; companyId?: string }) {
  const { t } = useTranslation('card');
  const navigate = useNavigate();
  const fields = useCustomFields('person');
  const company = useContact('company', props.companyId ?? '', props.companyId !== undefined);
  const create = useCreatePerson();

  const waitingForCompany = props.companyId !== undefined && company.isPending;
  if (fields.isPending || waitingForCompany) return <Skeleton height={400} />;
  if (fields.isError)
    return <QueryError error={fields.error} onRetry={() => void fields.refetch()} />;
  const linked = company.data ? { id: company.data.id, name: company.data.displayName } : null;

  return (
    <>
      <PageHeader title={t('create.title_person')} description={t('create.hint_person')} />
      <PersonForm
        initialValues={emptyPerson(linked?.id)}
        company={linked}
        customFields={fields.data.items}
        currency={props.me.organization.currency}
        onCancel={() => void navigate({ to: linked ? `/companies/${linked.id}` : '/persons' })}
        onSubmit={async (body) => {
          const res = await create.mutateAsync(body);
          notifications.show({
            color: 'teal',
            message: t('create.done_person', { name: res.person.displayName }),
          });
          await navigate({ to: '/persons/$personId', params: { personId: res.person.id } });
        }}
      />
    </>
  );
}
