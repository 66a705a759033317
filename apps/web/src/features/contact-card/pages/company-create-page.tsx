import { Skeleton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Me } from '@spotter/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCustomFields } from '../../../lib/crm-reference.ts';
import { useCreateCompany } from '../api/contact-api.ts';
import { CompanyForm } from '../components/company-form.tsx';
import { emptyCompany } from '../components/form-values.ts';

/** A company, and its contact person in the same form if wanted (C-2). */
export function CompanyCreatePage(props: { me: Me }) {
  const { t } = useTranslation('card');
  const navigate = useNavigate();
  const fields = useCustomFields('company');
  const create = useCreateCompany();

  if (fields.isPending) return <Skeleton height={400} />;
  if (fields.isError)
    return <QueryError error={fields.error} onRetry={() => void fields.refetch()} />;

  return (
    <>
      <PageHeader title={t('create.title_company')} description={t('create.hint_company')} />
      <CompanyForm
        initialValues={emptyCompany()}
        customFields={fields.data.items}
        currency={props.me.organization.currency}
        onCancel={() => void navigate({ to: '/companies' })}
        onSubmit={async (body) => {
          const res = await create.mutateAsync(body);
          notifications.show({
            color: 'teal',
            message: res.contactPersonId
              ? t('create.done_companyWithPerson', { name: res.company.displayName })
              : t('create.done_company', { name: res.company.displayName }),
          });
          await navigate({ to: '/companies/$companyId', params: { companyId: res.company.id } });
        }}
      />
    </>
  );
}
