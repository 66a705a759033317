import { ActionIcon, Code, CopyButton, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import type { LeadForm } from '@spotter/contracts';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { embedOf } from './editor-values.ts';

function Copyable(props: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code
          block
          data-testid={props.testId}
          style={{ flex: 1, minWidth: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        >
          {props.value}
        </Code>
        <CopyButton value={props.value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('actions.copied') : t('actions.copy')} withArrow>
              <ActionIcon
                variant="light"
                color={copied ? 'teal' : 'gray'}
                size="lg"
                onClick={copy}
                aria-label={`${t('actions.copy')}: ${props.label}`}
                data-testid={`${props.testId}-copy`}
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

/** Where the form lives and the snippet that puts it on the club's website. */
export function EmbedDialog(props: { form: LeadForm | null; onClose: () => void }) {
  const { t } = useTranslation('leadForms');
  const form = props.form;
  const title = form ? (Object.values(form.texts)[0]?.title ?? form.name) : '';
  const embed = form ? embedOf(window.location.origin, form.publicId, title) : null;
  return (
    <Modal
      opened={form !== null}
      onClose={props.onClose}
      title={t('embed.title')}
      size="lg"
      centered
    >
      {embed && (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('embed.intro')}
          </Text>
          <Copyable label={t('embed.link')} value={embed.url} testId="embed-link" />
          <Copyable label={t('embed.snippet')} value={embed.iframe} testId="embed-snippet" />
          <Text size="xs" c="dimmed">
            {t('embed.languageHint')}
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
