import type {
  Branch,
  ContactKind,
  CrmSettings,
  CustomField,
  GroupTree,
  Lookup,
  LookupKind,
  StaffMember,
  Status,
} from '@spotter/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

/**
 * The CRM's reference lists (statuses, tags, custom fields, staff, branches …), read by every
 * contacts page. One query key prefix, `crm`, so a settings change refreshes them everywhere.
 */
export const crmKey = ['crm'] as const;

const FIVE_MINUTES = 5 * 60_000;

export const statusesQuery = (entity?: ContactKind, includeArchived = false) =>
  queryOptions({
    queryKey: [...crmKey, 'statuses', entity ?? 'all', includeArchived],
    queryFn: () => {
      const q = new URLSearchParams();
      if (entity) q.set('entity', entity);
      if (includeArchived) q.set('includeArchived', 'true');
      return api.get<{ items: Status[] }>(`/api/settings/statuses?${q}`);
    },
    staleTime: FIVE_MINUTES,
  });

export const lookupsQuery = (kind: LookupKind, includeArchived = false, withUsage = false) =>
  queryOptions({
    queryKey: [...crmKey, 'lookups', kind, includeArchived, withUsage],
    queryFn: () => {
      const q = new URLSearchParams();
      if (includeArchived) q.set('includeArchived', 'true');
      if (withUsage) q.set('withUsage', 'true');
      return api.get<{ items: Lookup[] }>(`/api/settings/${kind}?${q}`);
    },
    staleTime: FIVE_MINUTES,
  });

export const customFieldsQuery = (entity?: ContactKind, includeArchived = false) =>
  queryOptions({
    queryKey: [...crmKey, 'custom-fields', entity ?? 'all', includeArchived],
    queryFn: () => {
      const q = new URLSearchParams();
      if (entity) q.set('entity', entity);
      if (includeArchived) q.set('includeArchived', 'true');
      return api.get<{ items: CustomField[] }>(`/api/settings/custom-fields?${q}`);
    },
    staleTime: FIVE_MINUTES,
  });

export const staffQuery = queryOptions({
  queryKey: [...crmKey, 'staff'],
  queryFn: () => api.get<{ items: StaffMember[] }>('/api/staff'),
  staleTime: FIVE_MINUTES,
});

export const branchOptionsQuery = queryOptions({
  queryKey: [...crmKey, 'branches'],
  queryFn: () => api.get<{ items: Branch[] }>('/api/branches'),
  staleTime: FIVE_MINUTES,
});

export const crmSettingsQuery = queryOptions({
  queryKey: [...crmKey, 'settings'],
  queryFn: () => api.get<CrmSettings>('/api/settings/crm'),
  staleTime: FIVE_MINUTES,
});

export const useStatuses = (entity?: ContactKind) => useQuery(statusesQuery(entity));
export const useLookups = (kind: LookupKind) => useQuery(lookupsQuery(kind));
export const useCustomFields = (entity?: ContactKind) => useQuery(customFieldsQuery(entity));
export const useStaff = () => useQuery(staffQuery);

/**
 * Whether a staff member can be chosen as responsible or deal owner (U-2, the CRM settings'
 * roles); until the settings have loaded, everyone active can, and the server decides.
 */
export function useMayBeResponsible(): (member: StaffMember) => boolean {
  const roles = useQuery(crmSettingsQuery).data?.responsibleRoles;
  return (member) => member.active && (roles === undefined || roles.includes(member.role));
}

/** The group tree (U-4), depth first: for group pickers and filters, and the settings page. */
export const groupsQuery = (includeArchived = false) =>
  queryOptions({
    queryKey: [...crmKey, 'groups', includeArchived],
    queryFn: () => api.get<GroupTree>(`/api/groups?includeArchived=${includeArchived}`),
    staleTime: FIVE_MINUTES,
  });
export const useGroups = (includeArchived = false) => useQuery(groupsQuery(includeArchived));
export const useBranchOptions = () => useQuery(branchOptionsQuery);

/** Tags and categories apply to persons, companies or both. */
export const inScope = (item: { scope: string }, kind: ContactKind) =>
  item.scope === 'both' || item.scope === kind;
