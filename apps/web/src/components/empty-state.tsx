import { Button, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState(props: {
  icon: ReactNode;
  title: string;
  text: string;
  action?: { label: string; onClick: () => void };
}) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="empty-state">
      <Stack align="center" gap="xs" ta="center">
        <ThemeIcon size={52} radius="xl" variant="light" color="gray">
          {props.icon}
        </ThemeIcon>
        <Text fw={600}>{props.title}</Text>
        <Text size="sm" c="dimmed" maw={420}>
          {props.text}
        </Text>
        {props.action && (
          <Button variant="light" mt="xs" onClick={props.action.onClick}>
            {props.action.label}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
