import { ActionIcon, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A value to paste into the club's system (an address, a code sample), with a copy button. */
export function CopyField(props: {
  label: string;
  value: string;
  testId: string;
  block?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code
          block={props.block}
          data-testid={props.testId}
          style={{
            flex: 1,
            minWidth: 0,
            wordBreak: props.block ? undefined : 'break-all',
            fontSize: props.block ? 12 : 14,
            padding: props.block ? undefined : '6px 10px',
            maxHeight: props.block ? 260 : undefined,
            overflow: 'auto',
          }}
        >
          {props.value}
        </Code>
        <CopyButton value={props.value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('actions.copied') : t('actions.copy')} withArrow>
              <ActionIcon
                variant="light"
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={`${t('actions.copy')}: ${props.label}`}
                size="lg"
              >
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
