import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A whole-page message: not found, no access, something broke. */
export function MessagePage(props: {
  icon: ReactNode;
  title: string;
  message: string;
  action?: { label: string; onClick: () => void };
  testId?: string;
  fullHeight?: boolean;
}) {
  return (
    <Center mih={props.fullHeight ? '100vh' : 360} p="md" data-testid={props.testId}>
      <Stack align="center" gap="sm" maw={460} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          {props.icon}
        </ThemeIcon>
        <Title order={2}>{props.title}</Title>
        <Text c="dimmed">{props.message}</Text>
        {props.action && (
          <Button mt="sm" onClick={props.action.onClick}>
            {props.action.label}
          </Button>
        )}
      </Stack>
    </Center>
  );
}
