import { Badge, CloseButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGroups, useStaff } from '../../../lib/crm-reference.ts';
import { useTaskTemplates } from '../api/task-settings-read-api.ts';
import type { TasksSearch } from '../tasks-search.ts';
import { formatWall } from './zoned-date-time-input.tsx';

/**
 * Filters that arrive by link and have no control of their own — "done since" and "completed
 * by" from the control view, one client's tasks from their page — shown so they can be seen and removed.
 */
export function ActiveFilterChips(props: {
  search: TasksSearch;
  onChange: (patch: Partial<TasksSearch>) => void;
}) {
  const { t, i18n } = useTranslation('tasks');
  const { search } = props;
  const staff = useStaff();
  const completer = search.completedById
    ? (staff.data?.items.find((u) => u.id === search.completedById)?.name ?? '…')
    : null;
  const templates = useTaskTemplates();
  const groups = useGroups(true);
  const day = (d: string) => formatWall(d, i18n.language, false);
  const resultNames = search.resultId?.length
    ? search.resultId
        .map(
          (id) =>
            templates.data?.items.flatMap((tpl) => tpl.results).find((r) => r.id === id)?.name ??
            '…',
        )
        .join(', ')
    : null;
  const groupName = search.groupId
    ? (groups.data?.items.find((g) => g.id === search.groupId)?.name ?? '…')
    : null;
  const chips = [
    completer && {
      key: 'completedById',
      label: t('filters.completedBy', { name: completer }),
      clear: { completedById: undefined },
    },
    search.doneFrom && {
      key: 'doneFrom',
      label: t('filters.doneFrom', { day: formatWall(search.doneFrom, i18n.language, false) }),
      clear: { doneFrom: undefined },
    },
    search.doneTo && {
      key: 'doneTo',
      label: t('filters.doneTo', { day: day(search.doneTo) }),
      clear: { doneTo: undefined },
    },
    (search.createdFrom || search.createdTo) && {
      key: 'created',
      label: t('filters.created', {
        from: search.createdFrom ? day(search.createdFrom) : '…',
        to: search.createdTo ? day(search.createdTo) : '…',
      }),
      clear: { createdFrom: undefined, createdTo: undefined },
    },
    search.dueBefore && {
      key: 'dueBefore',
      label: t('filters.dueBefore', { day: day(search.dueBefore) }),
      clear: { dueBefore: undefined },
    },
    resultNames && {
      key: 'resultId',
      label: t('filters.result', { names: resultNames }),
      clear: { resultId: undefined },
    },
    groupName && {
      key: 'groupId',
      label: t('filters.group', { name: groupName }),
      clear: { groupId: undefined },
    },
    search.type?.length && {
      key: 'type',
      label: t('filters.noRounds'),
      clear: { type: undefined },
    },
    search.noResult && {
      key: 'noResult',
      label: t('filters.noResult'),
      clear: { noResult: undefined },
    },
    search.contactId && {
      key: 'contactId',
      label: t('filters.contact'),
      clear: { contactId: undefined },
    },
  ].filter((c) => !!c);
  if (chips.length === 0) return null;
  return (
    <Group gap="xs">
      {chips.map((c) => (
        <Badge
          key={c.key}
          variant="light"
          tt="none"
          size="lg"
          rightSection={
            <CloseButton
              size="xs"
              aria-label={`${t('filters.remove')}: ${c.label}`}
              onClick={() => props.onChange(c.clear)}
            />
          }
          data-testid={`chip-${c.key}`}
        >
          {c.label}
        </Badge>
      ))}
    </Group>
  );
}
