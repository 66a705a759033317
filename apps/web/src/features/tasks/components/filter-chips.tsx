import { Badge, CloseButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStaff } from '../../../lib/crm-reference.ts';
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
    (search.resultId?.length || search.noResult) && {
      key: 'resultId',
      label: search.resultId?.length ? t('filters.result') : t('filters.noResult'),
      clear: { resultId: undefined, noResult: undefined },
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
