import type {
  Branch,
  ContactKind,
  CustomField,
  Lookup,
  Me,
  StaffMember,
  Status,
} from '@spotter/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  crmSettingsQuery,
  inScope,
  useBranchOptions,
  useCustomFields,
  useLookups,
  useStaff,
  useStatuses,
} from '../../../lib/crm-reference.ts';

const byId = <T extends { id: string }>(items: readonly T[] | undefined) =>
  new Map((items ?? []).map((i) => [i.id, i] as const));

/** The reference lists a contact list shows and filters by, looked up by id. */
export interface ListRefs {
  kind: ContactKind;
  statuses: Status[];
  staff: StaffMember[];
  tags: Lookup[];
  categories: Lookup[];
  branches: Branch[];
  sources: Lookup[];
  industries: Lookup[];
  customFields: CustomField[];
  statusById: Map<string, Status>;
  staffById: Map<string, StaffMember>;
  tagById: Map<string, Lookup>;
  lookupById: Map<string, Lookup>;
  branchById: Map<string, Branch>;
  fieldById: Map<string, CustomField>;
  phoneRegion: string | null;
  currency: string;
  timezone: string;
  locale: string;
}

export function useListRefs(kind: ContactKind, me: Me, locale: string): ListRefs {
  const statuses = useStatuses(kind);
  const staff = useStaff();
  const tags = useLookups('tags');
  const categories = useLookups('categories');
  const branches = useBranchOptions();
  const sources = useLookups('sources');
  const industries = useLookups('industries');
  const fields = useCustomFields(kind);
  const settings = useQuery(crmSettingsQuery);

  return useMemo(() => {
    const scopedTags = (tags.data?.items ?? []).filter((t) => inScope(t, kind));
    const lookups = [
      ...(tags.data?.items ?? []),
      ...(categories.data?.items ?? []),
      ...(sources.data?.items ?? []),
      ...(industries.data?.items ?? []),
    ];
    return {
      kind,
      statuses: statuses.data?.items ?? [],
      staff: staff.data?.items ?? [],
      tags: scopedTags,
      categories: (categories.data?.items ?? []).filter((c) => inScope(c, kind)),
      branches: (branches.data?.items ?? []).filter((b) => !b.archived),
      sources: sources.data?.items ?? [],
      industries: industries.data?.items ?? [],
      customFields: (fields.data?.items ?? []).filter((f) => f.entity === kind),
      statusById: byId(statuses.data?.items),
      staffById: byId(staff.data?.items),
      tagById: byId(tags.data?.items),
      lookupById: byId(lookups),
      branchById: byId(branches.data?.items),
      fieldById: byId(fields.data?.items),
      phoneRegion: settings.data?.phoneRegion ?? null,
      currency: me.organization.currency,
      timezone: me.organization.timezone,
      locale,
    };
  }, [
    kind,
    me.organization.currency,
    me.organization.timezone,
    locale,
    statuses.data,
    staff.data,
    tags.data,
    categories.data,
    branches.data,
    sources.data,
    industries.data,
    fields.data,
    settings.data,
  ]);
}
