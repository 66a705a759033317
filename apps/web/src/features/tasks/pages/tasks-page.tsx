import { Button, Stack, Tabs } from '@mantine/core';
import type { Me } from '@spotter/contracts';
import {
  IconChartBar,
  IconChecklist,
  IconPhonePlus,
  IconPlus,
  IconSearchOff,
} from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ListFooter } from '../../../components/list-footer.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useTaskList } from '../api/tasks-api.ts';
import { NewCallModal } from '../components/new-call-modal.tsx';
import { useTaskActions } from '../components/task-actions.tsx';
import { TaskFilters } from '../components/task-filters.tsx';
import { TaskFormModal } from '../components/task-form-modal.tsx';
import { TasksTable } from '../components/tasks-table.tsx';
import { ActiveFilterChips } from '../components/filter-chips.tsx';
import {
  clearFilters,
  hasFilters,
  pageOf,
  PAGE_SIZES,
  pageSizeOf,
  sortOf,
  stateOf,
  toListQuery,
  type TasksSearch,
} from '../tasks-search.ts';

/** T-9: all tasks and my tasks, filtered in the URL, with the actions of T-11. */
export function TasksPage(props: { me: Me; search: TasksSearch }) {
  const { t } = useTranslation('tasks');
  const { me, search } = props;
  const navigate = useNavigate();
  const list = useTaskList(toListQuery(search));
  const actions = useTaskActions(me);
  const [creating, setCreating] = useState(false);
  const [calling, setCalling] = useState(false);
  const canWrite = me.permissions.includes('tasks.write');
  const view = search.view ?? 'all';

  const go = (next: TasksSearch) => void navigate({ to: '/tasks', search: next });
  const change = (patch: Partial<TasksSearch>) => go({ ...search, ...patch, page: undefined });
  const total = list.data?.total ?? 0;
  const empty = list.isSuccess && !list.isPlaceholderData && total === 0;
  const done = stateOf(search) === 'done';

  return (
    <>
      <PageHeader
        title={t('page.title')}
        actions={
          <>
            {me.permissions.includes('tasks.control') && (
              <Button
                variant="default"
                component={Link}
                to="/tasks/control"
                leftSection={<IconChartBar size={16} />}
                data-testid="open-control"
              >
                {t('control.title')}
              </Button>
            )}
            {canWrite && (
              <Button
                variant="default"
                leftSection={<IconPhonePlus size={16} />}
                onClick={() => setCalling(true)}
                data-testid="new-call"
              >
                {t('actions.newCall')}
              </Button>
            )}
            {canWrite && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setCreating(true)}
                data-testid="new-task"
              >
                {t('actions.newTask')}
              </Button>
            )}
          </>
        }
      />
      <Tabs
        value={view}
        onChange={(v) => go({ ...search, view: v === 'my' ? 'my' : 'all', page: undefined })}
        mb="md"
      >
        <Tabs.List>
          <Tabs.Tab value="all" data-testid="tab-all">
            {t('page.all')}
          </Tabs.Tab>
          <Tabs.Tab value="my" data-testid="tab-my">
            {t('page.my')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Stack gap="sm">
        <TaskFilters search={search} onChange={change} onClear={() => go(clearFilters(search))} />
        <ActiveFilterChips search={search} onChange={change} />
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {empty && hasFilters(search) && (
          <EmptyState
            icon={<IconSearchOff size={28} />}
            title={t('empty.noMatchesTitle')}
            text={t('empty.noMatchesText')}
            action={{ label: t('filters.clear'), onClick: () => go(clearFilters(search)) }}
          />
        )}
        {empty && !hasFilters(search) && (
          <EmptyState
            icon={<IconChecklist size={28} />}
            title={t(view === 'my' ? 'empty.myTitle' : 'empty.allTitle')}
            text={t(`empty.state.${stateOf(search)}`)}
            {...(canWrite
              ? { action: { label: t('actions.newTask'), onClick: () => setCreating(true) } }
              : {})}
          />
        )}
        {!list.isError && !empty && (
          <>
            <TasksTable
              rows={list.data?.items}
              pageSize={pageSizeOf(search)}
              sort={sortOf(search)}
              onSort={(sort) => change({ sort: sort as TasksSearch['sort'] })}
              actionsFor={actions.actionsFor}
              stale={list.isPlaceholderData && list.isFetching}
              showDone={done}
            />
            {list.data && (
              <ListFooter
                ns="tasks"
                page={pageOf(search)}
                pageSize={pageSizeOf(search)}
                total={total}
                onPage={(page) => go({ ...search, page: page > 1 ? page : undefined })}
                pageSizes={PAGE_SIZES}
                onPageSize={(pageSize) => go({ ...search, pageSize, page: undefined })}
              />
            )}
          </>
        )}
      </Stack>
      {actions.dialogs}
      <TaskFormModal opened={creating} onClose={() => setCreating(false)} />
      <NewCallModal opened={calling} onClose={() => setCalling(false)} />
    </>
  );
}
