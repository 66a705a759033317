import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small label over its value, as the expanded card's fields are shown. */
export function CardLine(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={props.testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {props.label}
      </Text>
      {props.children}
    </Stack>
  );
}
