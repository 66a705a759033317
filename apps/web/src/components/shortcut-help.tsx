import { Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';

export interface ShortcutGroup {
  title: string;
  items: { keys: string[]; label: string }[];
}

/** The `?` dialog: every shortcut there is, by where it works. */
export function ShortcutHelp(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  groups: ShortcutGroup[];
  or: string;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={700}>{props.title}</Text>}
      closeButtonProps={{ 'aria-label': props.closeLabel }}
      size="md"
      data-testid="shortcut-help"
    >
      <Stack gap="lg">
        {props.groups.map((g) => (
          <Stack key={g.title} gap="xs">
            <Title order={3} size="h5">
              {g.title}
            </Title>
            <Table verticalSpacing={6} withRowBorders={false} layout="fixed">
              <Table.Tbody>
                {g.items.map((item) => (
                  <Table.Tr key={item.label}>
                    <Table.Td w={140}>
                      <Group gap={4} wrap="nowrap">
                        {item.keys.map((k, i) => (
                          <Fragment key={k}>
                            {i > 0 && (
                              <Text size="xs" c="dimmed">
                                {props.or}
                              </Text>
                            )}
                            <Kbd>{k}</Kbd>
                          </Fragment>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.label}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
