import {
  Alert,
  Anchor,
  Group,
  Loader,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { AudienceCounts, CampaignChannel, Me } from '@spotter/contracts';
import { IconFilter, IconUsers } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { FilterChips, toFilter, useListRefs, type PersonListSearch } from '../../contacts/index.ts';
import { useAudienceCounts } from '../api/campaigns-api.ts';

/** Who a campaign goes to: quick pickers and the persons list's chips, and the counts. */
export function CampaignAudience(props: {
  me: Me;
  channel: CampaignChannel;
  search: PersonListSearch;
  onChange: (next: PersonListSearch) => void;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation('mailing');
  const refs = useListRefs('person', props.me, i18n.language);
  const { search } = props;
  const patch = (p: Partial<PersonListSearch>) => props.onChange({ ...search, ...p });
  const pick = (values: string[]) => (values.length > 0 ? values : undefined);

  return (
    <Stack gap="sm">
      {!props.readOnly && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <MultiSelect
            label={t('campaigns.audienceTags')}
            data={refs.tags.map((x) => ({ value: x.id, label: x.name }))}
            value={search.tagId ?? []}
            onChange={(v) => patch({ tagId: pick(v) })}
            searchable
            clearable
            data-testid="audience-tags"
          />
          <MultiSelect
            label={t('campaigns.audienceStatuses')}
            data={refs.statuses.map((x) => ({ value: x.id, label: x.name }))}
            value={search.statusId ?? []}
            onChange={(v) => patch({ statusId: pick(v) })}
            searchable
            clearable
            data-testid="audience-statuses"
          />
          <MultiSelect
            label={t('campaigns.audienceBranches')}
            data={refs.branches.map((x) => ({ value: x.id, label: x.name }))}
            value={search.branchId ?? []}
            onChange={(v) => patch({ branchId: pick(v) })}
            searchable
            clearable
            data-testid="audience-branches"
          />
        </SimpleGrid>
      )}
      <Group justify="space-between" gap="xs" align="center">
        {Object.keys(toFilter(search)).length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="audience-everyone">
            {t('campaigns.audienceEveryone')}
          </Text>
        ) : (
          <FilterChips
            search={search}
            refs={refs}
            onChange={patch}
            onClear={() => props.onChange({})}
            readOnly={props.readOnly}
          />
        )}
        <Anchor
          size="sm"
          renderRoot={(root) => <Link {...root} to="/persons" search={search} />}
          data-testid="audience-refine"
        >
          <Group gap={4} wrap="nowrap">
            <IconFilter size={14} />
            {props.readOnly ? t('campaigns.audienceOpen') : t('campaigns.audienceRefine')}
          </Group>
        </Anchor>
      </Group>
      {!props.readOnly && <AudienceCountsPanel channel={props.channel} search={search} />}
    </Stack>
  );
}

function AudienceCountsPanel(props: { channel: CampaignChannel; search: PersonListSearch }) {
  const counts = useAudienceCounts({
    channel: props.channel,
    audience: toFilter(props.search) as Record<string, unknown>,
  });
  if (counts.isError) {
    return <QueryError error={counts.error} onRetry={() => void counts.refetch()} />;
  }
  if (!counts.data) return <Loader size="sm" />;
  return <AudienceNumbers counts={counts.data} channel={props.channel} busy={counts.isFetching} />;
}

/** The counts before sending (or taken when it started): who gets it, and who not and why. */
export function AudienceNumbers(props: {
  counts: AudienceCounts;
  channel: CampaignChannel;
  busy?: boolean;
}) {
  const { t, i18n } = useTranslation('mailing');
  const num = new Intl.NumberFormat(i18n.language);
  const c = props.counts;
  const rows = [
    ['matched', c.matched],
    [props.channel === 'email' ? 'noEmail' : 'noMobile', c.noAddress],
    ['noConsent', c.noConsent],
    ['unsubscribed', c.unsubscribed],
    ['bounced', c.bounced],
  ] as const;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="audience-counts"
      opacity={props.busy ? 0.7 : 1}
    >
      <Group gap="md" align="center" wrap="wrap">
        <IconUsers size={28} />
        <Title order={3} data-testid="audience-reachable">
          {t('campaigns.willGet', { count: c.messages, formatted: num.format(c.messages) })}
        </Title>
      </Group>
      {c.viaGuardian > 0 && (
        <Text size="sm" c="dimmed" mt={4} data-testid="audience-via-guardian">
          {t('campaigns.viaGuardian', {
            count: c.viaGuardian,
            formatted: num.format(c.viaGuardian),
          })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" mt="sm">
        {rows.map(([key, value]) => (
          <div key={key} data-testid={`audience-${key}`}>
            <Text size="xs" c="dimmed">
              {t(`campaigns.counts.${key}`)}
            </Text>
            <Text fw={600}>{num.format(value)}</Text>
          </div>
        ))}
      </SimpleGrid>
      {c.reachable === 0 && (
        <Alert color="yellow" mt="sm" p="xs">
          <Text size="sm">{t('campaigns.nobodyReachable')}</Text>
        </Alert>
      )}
    </Paper>
  );
}
