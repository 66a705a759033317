import { Button } from '@mantine/core';
import type { Me } from '@spotter/contracts';
import { IconSend } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ContactList } from '../components/contact-list.tsx';
import type { PersonListSearch } from '../list-search.ts';

export function PersonsListPage(props: { me: Me; search: PersonListSearch }) {
  const { t } = useTranslation('contacts');
  const navigate = useNavigate();
  // The list's filter, without its sort and page, is who a campaign started here goes to.
  const { sort: _s, cursor: _c, page: _p, pageSize: _z, ...filter } = props.search;
  return (
    <ContactList
      kind="person"
      me={props.me}
      search={props.search}
      onSearch={({ industryId: _drop, ...search }) => void navigate({ to: '/persons', search })}
      onOpen={(row) => void navigate({ to: '/persons/$personId', params: { personId: row.id } })}
      onAdd={() =>
        void navigate({ to: '/persons/new', search: { companyId: props.search.companyId } })
      }
      onImport={() => void navigate({ to: '/import', search: {} })}
      actions={
        props.me.permissions.includes('mailing.manage') && (
          <Button
            variant="default"
            leftSection={<IconSend size={16} />}
            onClick={() => void navigate({ to: '/mailing/campaigns/new', search: filter })}
            data-testid="send-campaign"
          >
            {t('persons.sendCampaign')}
          </Button>
        )
      }
    />
  );
}
