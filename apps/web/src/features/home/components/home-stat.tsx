import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';

/**
 * One number of the home page and what it counts, linked to the list that shows exactly those
 * rows (the same filters in the URL): a click lands on what was counted.
 */
export function HomeStat(props: {
  label: string;
  value: string | number;
  /** The list's link: `(root) => <Link {...root} to=… search=… />`. */
  link: (root: Record<string, unknown>) => ReactElement;
  testId: string;
  color?: string;
  /** Money takes more room than a count: a smaller figure keeps four in a row at 768 px. */
  compact?: boolean;
}) {
  return (
    <Stack gap={0}>
      <Anchor
        renderRoot={props.link}
        fz={props.compact ? 22 : 28}
        fw={700}
        c={props.color}
        underline="hover"
        data-testid={props.testId}
        aria-label={`${props.label}: ${props.value}`}
      >
        {props.value}
      </Anchor>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
    </Stack>
  );
}
