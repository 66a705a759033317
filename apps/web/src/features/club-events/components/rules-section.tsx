import { Button, Group, Paper, Skeleton, Switch, Table, Text, Title } from '@mantine/core';
import { CLUB_RULES, type ClubRule, type ClubRuleConfig } from '@spotter/contracts';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error.tsx';
import { isApiError } from '../../../lib/api.ts';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import { useClubRules, useSaveClubRules } from '../api/club-events-api.ts';
import { RuleModal } from './rule-modal.tsx';
import { describeWhen } from './rule-when.ts';

/** Settings → Connected systems → Rules: what events turn into, each switchable. */
export function RulesSection() {
  const { t } = useTranslation('clubEvents');
  const rules = useClubRules();
  const save = useSaveClubRules();
  const [editing, setEditing] = useState<ClubRule | null>(null);
  if (rules.isPending) return <Skeleton h={240} mt="lg" radius="md" />;
  if (rules.isError) return <QueryError error={rules.error} onRetry={() => void rules.refetch()} />;
  const { version } = rules.data;

  const store = (rule: ClubRule, config: ClubRuleConfig, done?: () => void) =>
    save.mutate(
      { rules: { [rule]: config }, version },
      {
        onSuccess: () => {
          notifySaved(t('rules.saved'));
          done?.();
        },
        onError: (err) => {
          // Someone changed the rules meanwhile: show theirs, the admin decides again.
          if (isApiError(err, 'version_conflict')) void rules.refetch();
          showFailure(err);
        },
      },
    );

  return (
    <Paper withBorder radius="md" p="md" mt="lg">
      <Title order={3} size="h4">
        {t('rules.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('rules.intro')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rules.rule')}</Table.Th>
              <Table.Th>{t('rules.on')}</Table.Th>
              <Table.Th>{t('rules.when')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {CLUB_RULES.map((rule) => {
              const config = rules.data.rules[rule];
              return (
                <Table.Tr key={rule} data-testid={`rule-${rule}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t(`log.rules.${rule}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`rules.describe.${rule}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={config.enabled}
                      disabled={save.isPending}
                      aria-label={t(`log.rules.${rule}`)}
                      onChange={(e) => store(rule, { ...config, enabled: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{describeWhen(rule, config, t)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        variant="subtle"
                        size="xs"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => setEditing(rule)}
                      >
                        {t('rules.edit')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <RuleModal
          rule={editing}
          config={rules.data.rules[editing]}
          saving={save.isPending}
          onClose={() => setEditing(null)}
          onSave={(config) => store(editing, config, () => setEditing(null))}
        />
      )}
    </Paper>
  );
}
