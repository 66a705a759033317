import {
  Anchor,
  Card,
  Group,
  Loader,
  Progress,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export interface Step {
  key: string;
  /** Undefined while it is being checked. */
  done: boolean | undefined;
  to: string;
}

/** A club's first steps, each ticked from the club's own data, never by the user. */
export function FirstSteps(props: { steps: Step[] }) {
  const { t } = useTranslation('home');
  const done = props.steps.filter((s) => s.done).length;
  const total = props.steps.length;
  if (total === 0) return null;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="first-steps">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h4">
          {t('steps.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="first-steps-progress">
          {t('steps.progress', { done, total })}
        </Text>
      </Group>
      <Progress value={(done / total) * 100} size="sm" mb="md" aria-hidden />
      <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {props.steps.map((step) => (
          <Group
            key={step.key}
            component="li"
            wrap="nowrap"
            align="flex-start"
            data-testid={`step-${step.key}`}
            data-done={step.done || undefined}
          >
            <ThemeIcon
              size={28}
              radius="xl"
              variant={step.done ? 'filled' : 'light'}
              color={step.done ? 'teal' : 'gray'}
              aria-label={t(step.done ? 'steps.done' : 'steps.todo')}
            >
              {step.done === undefined ? (
                <Loader size={14} />
              ) : step.done ? (
                <IconCheck size={16} />
              ) : (
                <IconCircleDashed size={16} />
              )}
            </ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={step.to} fw={600} data-testid={`step-${step.key}-link`}>
                {t(`steps.${step.key}.title`)}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(`steps.${step.key}.text`)}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
