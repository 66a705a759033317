import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The frame of the pages seen before logging in: setup, login, the forced password change. */
export function CenteredCard(props: {
  title: string;
  subtitle?: string;
  width?: number;
  corner?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box mih="100vh" bg="gray.0" py={40} px="md">
      {props.corner && (
        <Group justify="flex-end" maw={props.width ?? 440} mx="auto" mb="sm">
          {props.corner}
        </Group>
      )}
      <Center>
        <Stack w="100%" maw={props.width ?? 440} gap="lg">
          <Group gap="xs" justify="center">
            <ThemeIcon size={36} radius="xl">
              <IconTarget size={22} />
            </ThemeIcon>
            <Text fw={700} fz={24}>
              Spotter
            </Text>
          </Group>
          <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
            <Title order={2} mb={props.subtitle ? 4 : 'lg'}>
              {props.title}
            </Title>
            {props.subtitle && (
              <Text c="dimmed" size="sm" mb="lg">
                {props.subtitle}
              </Text>
            )}
            {props.children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
