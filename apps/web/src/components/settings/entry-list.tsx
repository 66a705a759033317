import { Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EmptyState } from '../empty-state.tsx';
import { QueryError } from '../query-error.tsx';
import { SettingsSkeleton } from './settings-skeleton.tsx';

/**
 * Above a configurable list: its filters (`controls`), the Add button (unless the list adds
 * elsewhere, e.g. per section) and an intro line.
 */
export function EntryListHeader(props: {
  controls: ReactNode;
  add?: { label: string; testId: string; onClick: () => void };
  intro: string;
}) {
  const { add } = props;
  return (
    <>
      <Group justify="space-between" mb="md" gap="sm">
        {props.controls}
        {add && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={add.onClick}
            data-testid={add.testId}
          >
            {add.label}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {props.intro}
      </Text>
    </>
  );
}

interface ListQuery {
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** Loading and failed states of a configurable list's query. */
export function ListQueryStates({ query }: { query: ListQuery }) {
  return (
    <>
      {query.isPending && <SettingsSkeleton />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
    </>
  );
}

/** Loading, failed and empty states of a configurable list; the empty one offers to add. */
export function EntryListStates(props: {
  query: ListQuery;
  empty: boolean;
  icon: ReactNode;
  title: string;
  text: string;
  addLabel: string;
  onAdd: () => void;
}) {
  const { query } = props;
  return (
    <>
      <ListQueryStates query={query} />
      {query.isSuccess && props.empty && (
        <EmptyState
          icon={props.icon}
          title={props.title}
          text={props.text}
          action={{ label: props.addLabel, onClick: props.onAdd }}
        />
      )}
    </>
  );
}
