import { Fieldset, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled group of settings with a line saying what they do, fields side by side. */
export function SettingsFieldset(props: { legend: string; hint: string; children: ReactNode }) {
  return (
    <Fieldset
      legend={
        <Text size="sm" fw="var(--mantine-font-weight-medium)">
          {props.legend}
        </Text>
      }
      variant="unstyled"
    >
      <Text size="xs" c="dimmed" maw={640}>
        {props.hint}
      </Text>
      <Group gap="md" mt="xs" align="flex-start">
        {props.children}
      </Group>
    </Fieldset>
  );
}
