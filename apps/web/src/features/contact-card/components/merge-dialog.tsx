import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Company, ContactKind, Person } from '@spotter/contracts';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { crmSettingsQuery } from '../../../lib/crm-reference.ts';
import { formatDate } from '../../../lib/format.ts';
import { formatPhone } from '../../../lib/phone.ts';
import { errorMessage } from '../../../lib/validation.ts';
import { useContact, useMergeContact } from '../api/contact-api.ts';
import { ContactSearchSelect } from './reference-selects.tsx';

/** Both records at a glance, so the admin sees what is about to become one. */
function Summary(props: { title: string; contact: Person | Company; timeZone: string }) {
  const region = useQuery(crmSettingsQuery).data?.phoneRegion;
  const c = props.contact;
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {props.title}
      </Text>
      <Text fw={600}>{c.displayName}</Text>
      {c.phones.map((p) => (
        <Text size="sm" key={p.number}>
          {formatPhone(p.number, region)}
        </Text>
      ))}
      {c.emails.map((e) => (
        <Text size="sm" key={e.email}>
          {e.email}
        </Text>
      ))}
      <Text size="xs" c="dimmed" mt={4}>
        {formatDate(c.createdAt, props.timeZone)}
      </Text>
    </Paper>
  );
}

/** C-13: fold another person (or company) into this one; phones, emails, tags and history move here. */
export function MergeDialog(props: {
  kind: ContactKind;
  target: Person | Company;
  opened: boolean;
  timeZone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('card');
  const [sourceId, setSourceId] = useState<string | null>(null);
  const source = useContact(props.kind, sourceId ?? '', props.opened && sourceId !== null);
  const merge = useMergeContact(props.kind, props.target.id);
  const close = () => {
    setSourceId(null);
    props.onClose();
  };
  const confirm = () =>
    sourceId &&
    merge.mutate(sourceId, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('merge.done') });
        close();
      },
      onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
    });

  return (
    <Modal opened={props.opened} onClose={close} title={t('merge.title')} size="lg" centered>
      <Stack gap="md" data-testid="merge-dialog">
        <Text size="sm">{t('merge.intro', { name: props.target.displayName })}</Text>
        <ContactSearchSelect
          kind={props.kind}
          label={t(props.kind === 'person' ? 'merge.pickPerson' : 'merge.pickCompany')}
          exclude={props.target.id}
          value={sourceId}
          onChange={setSourceId}
          testId="merge-source"
          data-autofocus
        />
        {source.data && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <Summary title={t('merge.keeps')} contact={props.target} timeZone={props.timeZone} />
              <Summary title={t('merge.goes')} contact={source.data} timeZone={props.timeZone} />
            </SimpleGrid>
            <Alert color="orange" icon={<IconInfoCircle size={18} />}>
              {t('merge.warning', { name: source.data.displayName })}
            </Alert>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="orange"
            disabled={!source.data}
            loading={merge.isPending}
            onClick={confirm}
            data-testid="merge-confirm"
          >
            {t('merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
