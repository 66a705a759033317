import { Alert, Button, Checkbox, Code, CopyButton, Group, SimpleGrid, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

function download(codes: string[]) {
  const url = URL.createObjectURL(new Blob([codes.join('\n') + '\n'], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'spotter-recovery-codes.txt';
  a.click();
  URL.revokeObjectURL(url);
}

/** Recovery codes are shown once: the user keeps them before going on. */
export function RecoveryCodesView(props: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation('twoStep');
  const [saved, setSaved] = useState(false);
  return (
    <Stack gap="md">
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('codes.title')}>
        {t('codes.text')}
      </Alert>
      <SimpleGrid cols={2} spacing="xs" data-testid="recovery-codes">
        {props.codes.map((c) => (
          <Code key={c} ta="center" fz="md" py={6}>
            {c}
          </Code>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <CopyButton value={props.codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" leftSection={<IconCopy size={16} />} onClick={copy}>
              {copied ? t('common:actions.copied') : t('common:actions.copy')}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          onClick={() => download(props.codes)}
        >
          {t('codes.download')}
        </Button>
      </Group>
      <Checkbox
        label={t('codes.saved')}
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
        data-testid="codes-saved"
      />
      <Group justify="flex-end">
        <Button disabled={!saved} onClick={props.onDone} data-testid="codes-done">
          {t('codes.done')}
        </Button>
      </Group>
    </Stack>
  );
}
