import { ActionIcon, Alert, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A secret the server shows exactly once (a temporary password, an API token). */
export function SecretReveal(props: { value: string; note: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={props.note}>
      <Group gap="xs" wrap="nowrap" mt="xs">
        <Code
          data-testid={props.testId}
          style={{ fontSize: 15, padding: '6px 10px', wordBreak: 'break-all', flex: 1 }}
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
                aria-label={t('actions.copy')}
                size="lg"
              >
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
