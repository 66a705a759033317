import { Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

/**
 * Above rows that a dialog edits as a list (a dropdown's options, a result's extra fields):
 * the list's title, an optional hint under it, and the button adding a row.
 */
export function ListEditorHeader(props: {
  title: string;
  hint?: string;
  addLabel: string;
  addTestId: string;
  onAdd: () => void;
}) {
  const title = (
    <Text size="sm" fw={500}>
      {props.title}
    </Text>
  );
  return (
    <Group justify="space-between">
      {props.hint ? (
        <div>
          {title}
          <Text size="xs" c="dimmed">
            {props.hint}
          </Text>
        </div>
      ) : (
        title
      )}
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={props.onAdd}
        data-testid={props.addTestId}
      >
        {props.addLabel}
      </Button>
    </Group>
  );
}
