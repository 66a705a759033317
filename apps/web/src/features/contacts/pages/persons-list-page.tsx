import type { Me } from '@spotter/contracts';
import { useNavigate } from '@tanstack/react-router';
import { ContactList } from '../components/contact-list.tsx';
import type { PersonListSearch } from '../list-search.ts';

export function PersonsListPage(props: { me: Me; search: PersonListSearch }) {
  const navigate = useNavigate();
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
    />
  );
}
