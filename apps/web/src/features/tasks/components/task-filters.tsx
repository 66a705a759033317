import { Anchor, Group, SegmentedControl, Select } from '@mantine/core';
import { TASK_STATES } from '@spotter/contracts';
import { useTranslation } from 'react-i18next';
import {
  FilterMultiSelect,
  filterOptions,
  SearchInput,
  useDebouncedSearch,
} from '../../../components/filter-inputs.tsx';
import { useBranchOptions, useStaff } from '../../../lib/crm-reference.ts';
import { useTaskStatuses, useTaskTemplates } from '../api/task-settings-read-api.ts';
import { worksWithTasks } from '../lib/task-form-values.ts';
import { hasFilters, stateOf, type TasksSearch } from '../tasks-search.ts';
import { useTemplateOptions } from './template-options.ts';

type TaskState = (typeof TASK_STATES)[number];

/** Marks "nobody is assigned" among the staff options. */
const NOBODY = 'nobody';

/** The table's filters; each change goes into the URL (and back to page one). */
export function TaskFilters(props: {
  search: TasksSearch;
  onChange: (patch: Partial<TasksSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation('tasks');
  const { search, onChange } = props;
  const templates = useTaskTemplates().data?.items ?? [];
  const statuses = useTaskStatuses().data?.items ?? [];
  const staff = useStaff().data?.items ?? [];
  const branches = useBranchOptions().data?.items ?? [];
  const templateOptions = useTemplateOptions(
    templates.filter((tpl) => !tpl.archived || search.templateId?.includes(tpl.id)),
  );
  const text = useDebouncedSearch(
    search.search,
    (value) => onChange({ search: value.trim() || undefined }),
    250,
  );

  const width = { base: '100%', xs: 200 };
  const assignee = search.unassigned ? NOBODY : (search.assigneeId ?? null);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        data={TASK_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
        value={stateOf(search)}
        onChange={(v) => onChange({ state: v as TaskState, sort: undefined, doneFrom: undefined })}
        aria-label={t('filters.state')}
        data-testid="filter-state"
      />
      <SearchInput
        search={text}
        w={{ base: '100%', xs: 220 }}
        placeholder={t('filters.searchPlaceholder')}
        label={t('filters.search')}
        testId="filter-search"
      />
      <FilterMultiSelect
        w={width}
        label={t('filters.template')}
        data={templateOptions}
        value={search.templateId}
        onChange={(v) => onChange({ templateId: v.length ? v : undefined })}
        searchable
        comboboxProps={{ withinPortal: true }}
        testId="filter-template"
      />
      <FilterMultiSelect
        w={width}
        label={t('filters.status')}
        data={filterOptions(statuses, search.statusId)}
        value={search.statusId}
        onChange={(v) => onChange({ statusId: v.length ? v : undefined })}
        comboboxProps={{ withinPortal: true }}
        testId="filter-status"
      />
      {search.view !== 'my' && (
        <Select
          w={width}
          aria-label={t('filters.assignee')}
          placeholder={t('filters.assignee')}
          data={[
            { value: NOBODY, label: t('filters.nobody') },
            ...staff.filter(worksWithTasks).map((s) => ({
              value: s.id,
              label: s.active ? s.name : `${s.name} (${t('filters.inactive')})`,
            })),
          ]}
          value={assignee}
          onChange={(v) =>
            onChange({
              assigneeId: v && v !== NOBODY ? v : undefined,
              unassigned: v === NOBODY ? true : undefined,
            })
          }
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-assignee"
        />
      )}
      {branches.length > 1 && (
        <FilterMultiSelect
          w={width}
          label={t('filters.branch')}
          data={branches.map((b) => ({ value: b.id, label: b.name }))}
          value={search.branchId}
          onChange={(v) => onChange({ branchId: v.length ? v : undefined })}
          comboboxProps={{ withinPortal: true }}
          testId="filter-branch"
        />
      )}
      {hasFilters(search) && (
        <Anchor
          component="button"
          size="sm"
          onClick={props.onClear}
          mb={8}
          data-testid="filters-clear"
        >
          {t('filters.clear')}
        </Anchor>
      )}
    </Group>
  );
}
