import { ActionIcon, Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface RowAction {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  danger?: boolean;
}

/** The "…" menu at the end of a table row; `label` names the row for screen readers. */
export function RowActions(props: { label: string; actions: (RowAction | false)[] }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={props.label}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {props.actions
          .filter((a): a is RowAction => a !== false)
          .map((a) => (
            <Menu.Item
              key={a.label}
              leftSection={a.icon}
              color={a.danger ? 'red' : undefined}
              onClick={a.onClick}
            >
              {a.label}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
