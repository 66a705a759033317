import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPhone, IconUserPlus, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { crmSettingsQuery } from '../../../lib/crm-reference.ts';
import { formatPhone } from '../../../lib/phone.ts';
import { useContactHits } from '../api/task-settings-read-api.ts';
import type { PickedContact } from './contact-picker.tsx';

export interface NewPerson {
  firstName: string;
  lastName: string;
  phone: string;
}

/** Looks like a phone number rather than a name: the new person gets it as their phone. */
export const looksLikePhone = (s: string) => /^[+\d][\d\s()./-]{4,}$/.test(s.trim());

/**
 * "New call", step one (T-9): type a phone or a name, pick the person it finds, or add a new
 * person with that phone right here.
 */
export function PersonFinder(props: {
  query: string;
  onQuery: (q: string) => void;
  picked: PickedContact | null;
  /**
   * The caller picked; with `aboutChildId` when the hit was a child found through this caller
   * (a guardian's phone typed): the call is then most likely about that child (issue 17).
   */
  onPick: (p: PickedContact | null, aboutChildId?: string) => void;
  creating: NewPerson | null;
  onCreating: (p: NewPerson | null) => void;
  errors: Record<string, React.ReactNode>;
}) {
  const { t } = useTranslation('tasks');
  const region = useQuery(crmSettingsQuery).data?.phoneRegion ?? null;
  const [term] = useDebouncedValue(props.query, 250);
  const hits = useContactHits(props.picked || props.creating ? '' : term, 'person');
  const items = term.trim() ? (hits.data?.items ?? []) : [];

  if (props.picked) {
    return (
      <Paper withBorder p="sm" radius="md" data-testid="call-person">
        <Group justify="space-between">
          <Text fw={600}>{props.picked.name}</Text>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconX size={14} />}
            onClick={() => props.onPick(null)}
          >
            {t('call.change')}
          </Button>
        </Group>
      </Paper>
    );
  }
  if (props.creating) {
    const set = (patch: Partial<NewPerson>) => props.onCreating({ ...props.creating!, ...patch });
    return (
      <Paper withBorder p="sm" radius="md" data-testid="call-new-person">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {t('call.newPerson')}
            </Text>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => props.onCreating(null)}
            >
              {t('call.backToSearch')}
            </Anchor>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            <TextInput
              label={t('call.firstName')}
              value={props.creating.firstName}
              onChange={(e) => set({ firstName: e.currentTarget.value })}
              error={props.errors.firstName}
              data-autofocus
              data-testid="call-first-name"
            />
            <TextInput
              label={t('call.lastName')}
              value={props.creating.lastName}
              onChange={(e) => set({ lastName: e.currentTarget.value })}
              error={props.errors.lastName}
              data-testid="call-last-name"
            />
            <TextInput
              label={t('call.phone')}
              required
              type="tel"
              value={props.creating.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
              error={props.errors.phone}
              data-testid="call-phone"
            />
          </SimpleGrid>
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack gap="xs">
      <TextInput
        label={t('call.find')}
        placeholder={t('call.findPlaceholder')}
        leftSection={<IconPhone size={16} />}
        value={props.query}
        onChange={(e) => props.onQuery(e.currentTarget.value)}
        error={props.errors.person}
        data-autofocus
        data-testid="call-search"
        // Enter picks the only match instead of submitting a call with nobody in it; relatives
        // found through that match (a mother's children by her phone) do not count.
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const direct = items.filter((h) => !h.via);
          const only = direct.length === 1 ? direct[0] : undefined;
          if (only) props.onPick({ id: only.id, kind: only.kind, name: only.displayName });
        }}
      />
      {items.length > 0 && (
        <Paper withBorder radius="md" data-testid="call-hits">
          {items.map((h) => (
            <UnstyledButton
              key={h.id}
              display="block"
              w="100%"
              px="sm"
              py={6}
              onClick={() =>
                h.via?.as === 'guardian'
                  ? // A child found by a guardian's phone: the guardian is on the line.
                    props.onPick({ id: h.via.id, kind: 'person', name: h.via.displayName }, h.id)
                  : props.onPick({ id: h.id, kind: h.kind, name: h.displayName })
              }
              data-testid="call-hit"
            >
              <Text size="sm" fw={500}>
                {h.displayName}
              </Text>
              {h.via && (
                <Text size="xs" c="dimmed" data-testid="call-hit-via">
                  {t(h.via.as === 'guardian' ? 'call.viaGuardian' : 'call.viaChild', {
                    name: h.via.displayName,
                  })}
                </Text>
              )}
              {h.detail && (
                <Text size="xs" c="dimmed">
                  {formatPhone(h.detail, region)}
                </Text>
              )}
            </UnstyledButton>
          ))}
        </Paper>
      )}
      {term.trim() && !hits.isFetching && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('call.noMatch')}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconUserPlus size={14} />}
          onClick={() => {
            const q = props.query.trim();
            props.onCreating(
              looksLikePhone(q)
                ? { firstName: '', lastName: '', phone: q }
                : { firstName: q, lastName: '', phone: '' },
            );
          }}
          data-testid="call-create-person"
        >
          {t('call.createPerson')}
        </Button>
      </Group>
    </Stack>
  );
}
