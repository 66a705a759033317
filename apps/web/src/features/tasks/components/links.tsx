import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { TasksSearch } from '../tasks-search.ts';

type Props = AnchorProps & { children: ReactNode; 'aria-label'?: string; 'data-testid'?: string };

/** A Mantine link to one task's page, typed by the router. */
export function TaskLink({ taskId, ...props }: Props & { taskId: string }) {
  return (
    <Anchor
      {...props}
      renderRoot={(root) => <Link {...root} to="/tasks/$taskId" params={{ taskId }} />}
    />
  );
}

/** A Mantine link to the task table with these filters. */
export function TasksLink({ search, ...props }: Props & { search: TasksSearch }) {
  return (
    <Anchor {...props} renderRoot={(root) => <Link {...root} to="/tasks" search={search} />} />
  );
}

/** A Mantine link to a person's or company's page. */
export function ContactAnchor({
  kind,
  id,
  ...props
}: Props & { kind: 'person' | 'company'; id: string }) {
  return (
    <Anchor
      {...props}
      renderRoot={(root) =>
        kind === 'person' ? (
          <Link {...root} to="/persons/$personId" params={{ personId: id }} />
        ) : (
          <Link {...root} to="/companies/$companyId" params={{ companyId: id }} />
        )
      }
    />
  );
}
