import type { Me } from '@spotter/contracts';
import { useNavigate } from '@tanstack/react-router';
import { ContactList } from '../components/contact-list.tsx';
import type { CompanyListSearch } from '../list-search.ts';

export function CompaniesListPage(props: { me: Me; search: CompanyListSearch }) {
  const navigate = useNavigate();
  return (
    <ContactList
      kind="company"
      me={props.me}
      search={props.search}
      onSearch={({ companyId: _drop, ageFrom: _from, ageTo: _to, minor: _minor, ...search }) =>
        void navigate({ to: '/companies', search })
      }
      onOpen={(row) =>
        void navigate({ to: '/companies/$companyId', params: { companyId: row.id } })
      }
      onAdd={() => void navigate({ to: '/companies/new' })}
      onImport={() => void navigate({ to: '/import', search: {} })}
    />
  );
}
