import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Deal, Me, Pipeline, Stage } from '@spotter/contracts';
import {
  IconArrowBackUp,
  IconBuilding,
  IconPencil,
  IconThumbDown,
  IconTrash,
  IconTrophy,
  IconUser,
} from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useBranchOptions, useLookups } from '../../../lib/crm-reference.ts';
import { notifySaved, showFailure } from '../../../lib/feedback.ts';
import {
  useDeal,
  useDealList,
  useDeleteDeal,
  useGroups,
  useMoveDealTo,
  usePipelines,
} from '../api/deals-api.ts';
import { StageBadge } from '../components/contact-deals.tsx';
import { formatDay } from '../components/deal-format.ts';
import { DealHistory } from '../components/deal-history.tsx';
import { DealTasks } from '../components/deal-tasks.tsx';
import { LostDialog } from '../components/lost-dialog.tsx';
import { moveFailure } from '../components/move-failure.ts';
import { DealFormModal } from '../dialogs.ts';
import { formatMoney } from '../money.ts';
import { weighted } from '../board-cache.ts';

function Field(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={props.testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {props.label}
      </Text>
      <div>{props.children}</div>
    </Stack>
  );
}

const nameOf = (items: readonly { id: string; name: string }[], id: string | null) =>
  (id && items.find((i) => i.id === id)?.name) ?? '—';

/** Where a deal goes on Win, Lose and Reopen: the pipeline's first stage of that state. */
const firstOf = (pipeline: Pipeline | undefined, state: Stage['state']) =>
  pipeline?.stages.find((s) => s.state === state && !s.archived);

function DealDetails(props: { deal: Deal; me: Me; pipeline: Pipeline | undefined }) {
  const { t, i18n } = useTranslation('deals');
  const { deal } = props;
  const types = useDealList('types', true).data?.items ?? [];
  const reasons = useDealList('lost-reasons', true).data?.items ?? [];
  const groups = useGroups().data?.items ?? [];
  const branches = useBranchOptions().data?.items ?? [];
  const sources = useLookups('sources').data?.items ?? [];
  const products = useLookups('products').data?.items ?? [];
  const money = (minor: number) => formatMoney(minor, deal.currency, i18n.language);
  return (
    <Paper withBorder radius="md" p="md" data-testid="deal-details">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Field label={`${t('fields.amount')} (${deal.currency})`} testId="deal-amount-value">
          <Text fw={600}>{money(deal.amount)}</Text>
        </Field>
        <Field label={t('fields.probability')}>
          <Text>
            {t('details.probability', {
              value: deal.probability,
              weighted: money(weighted(deal.amount, deal.probability)),
            })}
            {deal.probabilityOverride !== null && (
              <Text span size="xs" c="dimmed">
                {' '}
                {t('details.overridden')}
              </Text>
            )}
          </Text>
        </Field>
        <Field label={t('fields.expectedCloseDate')}>
          <Text>
            {deal.expectedCloseDate ? formatDay(deal.expectedCloseDate, i18n.language) : '—'}
          </Text>
        </Field>
        <Field label={t('fields.owner')}>
          <Text>{deal.owner?.name ?? t('card.noOwner')}</Text>
        </Field>
        <Field label={t('fields.pipeline')}>
          <Text>{props.pipeline?.name ?? '—'}</Text>
        </Field>
        <Field label={t('fields.type')}>
          <Text>{nameOf(types, deal.typeId)}</Text>
        </Field>
        {groups.length > 0 && (
          <Field label={t('fields.group')}>
            <Text>{nameOf(groups, deal.groupId)}</Text>
          </Field>
        )}
        {branches.length > 0 && (
          <Field label={t('fields.branch')}>
            <Text>{nameOf(branches, deal.branchId)}</Text>
          </Field>
        )}
        <Field label={t('fields.source')}>
          <Text>{nameOf(sources, deal.sourceId)}</Text>
        </Field>
        <Field label={t('fields.products')}>
          {deal.productIds.length > 0 ? (
            <Group gap={4}>
              {deal.productIds.map((id) => (
                <Badge key={id} variant="outline" color="gray">
                  {nameOf(products, id)}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text>—</Text>
          )}
        </Field>
        {deal.state !== 'open' && (
          <Field label={t(`details.closed.${deal.state}`)}>
            <Text>{formatDateTime(deal.closedAt, props.me.organization.timezone)}</Text>
          </Field>
        )}
        {deal.state === 'lost' && (
          <Field label={t('fields.lostReason')} testId="deal-lost-reason-value">
            <Text>{nameOf(reasons, deal.lostReasonId)}</Text>
            {deal.lostComment && (
              <Text size="sm" c="dimmed">
                {deal.lostComment}
              </Text>
            )}
          </Field>
        )}
      </SimpleGrid>
    </Paper>
  );
}

/** A deal's page (S-1): its details, the moves to won, lost or back, its history and tasks. */
export function DealPage(props: { me: Me; dealId: string }) {
  const { t } = useTranslation('deals');
  const navigate = useNavigate();
  const deal = useDeal(props.dealId);
  const pipelines = usePipelines(true).data?.items ?? [];
  const move = useMoveDealTo();
  const remove = useDeleteDeal();
  const [editing, setEditing] = useState(false);
  const [losing, setLosing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const canWrite = props.me.permissions.includes('deals.write');

  if (deal.isPending) return <Skeleton height={320} radius="md" />;
  if (deal.isError) return <QueryError error={deal.error} onRetry={() => void deal.refetch()} />;
  const d = deal.data;
  const pipeline = pipelines.find((p) => p.id === d.pipelineId);
  const won = firstOf(pipeline, 'won');
  const lost = firstOf(pipeline, 'lost');
  const reopenTo = firstOf(pipeline, 'open');

  const moveTo = (stage: Stage, extra: { lostReasonId?: string; lostComment?: string } = {}) =>
    move.mutate(
      { id: d.id, stageId: stage.id, version: d.version, ...extra },
      {
        onSuccess: (saved) => {
          setLosing(false);
          notifySaved(t('move.done', { name: saved.title, column: stage.name }));
        },
        onError: (err) => {
          setLosing(false);
          notifications.show({
            color: 'red',
            title: t('move.failed'),
            message: moveFailure(t, err),
          });
          void deal.refetch();
        },
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm">
            <Title order={2} data-testid="deal-page-title" style={{ overflowWrap: 'anywhere' }}>
              {d.title}
            </Title>
            <StageBadge deal={d} />
          </Group>
          <Group gap="md">
            {d.person && (
              <Anchor
                renderRoot={(root) => (
                  <Link {...root} to="/persons/$personId" params={{ personId: d.personId ?? '' }} />
                )}
                size="sm"
              >
                <IconUser size={14} style={{ verticalAlign: -2 }} /> {d.person.name}
              </Anchor>
            )}
            {d.company && (
              <Anchor
                renderRoot={(root) => (
                  <Link
                    {...root}
                    to="/companies/$companyId"
                    params={{ companyId: d.companyId ?? '' }}
                  />
                )}
                size="sm"
              >
                <IconBuilding size={14} style={{ verticalAlign: -2 }} /> {d.company.name}
              </Anchor>
            )}
          </Group>
        </Stack>
        {canWrite && (
          <Group gap="xs">
            {d.state === 'open' ? (
              <>
                {won && (
                  <Button
                    color="teal"
                    leftSection={<IconTrophy size={16} />}
                    loading={move.isPending}
                    onClick={() => moveTo(won)}
                    data-testid="deal-win"
                  >
                    {t('actions.win')}
                  </Button>
                )}
                {lost && (
                  <Button
                    color="red"
                    variant="light"
                    leftSection={<IconThumbDown size={16} />}
                    onClick={() => setLosing(true)}
                    data-testid="deal-lose"
                  >
                    {t('actions.lose')}
                  </Button>
                )}
              </>
            ) : (
              reopenTo && (
                <Button
                  variant="light"
                  leftSection={<IconArrowBackUp size={16} />}
                  loading={move.isPending}
                  onClick={() => moveTo(reopenTo)}
                  data-testid="deal-reopen"
                >
                  {t('actions.reopen', { stage: reopenTo.name })}
                </Button>
              )
            )}
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
              data-testid="deal-edit"
            >
              {t('common:actions.edit')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => setDeleting(true)}
              data-testid="deal-delete"
            >
              {t('common:actions.delete')}
            </Button>
          </Group>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <DealDetails deal={d} me={props.me} pipeline={pipeline} />
            <DealTasks deal={d} me={props.me} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder radius="md" p="md">
            <Title order={4} mb="sm">
              {t('history.title')}
            </Title>
            <DealHistory
              dealId={d.id}
              pipeline={pipeline}
              timeZone={props.me.organization.timezone}
            />
          </Paper>
        </Grid.Col>
      </Grid>
      {canWrite && (
        <>
          <DealFormModal
            opened={editing}
            me={props.me}
            deal={d}
            onClose={() => setEditing(false)}
          />
          <LostDialog
            deal={losing ? d : null}
            loading={move.isPending}
            onCancel={() => setLosing(false)}
            onConfirm={(reason) => lost && moveTo(lost, reason)}
          />
          <ConfirmDialog
            opened={deleting}
            title={t('delete.title')}
            message={t('delete.text', { name: d.title })}
            confirmLabel={t('common:actions.delete')}
            danger
            loading={remove.isPending}
            onClose={() => setDeleting(false)}
            onConfirm={() =>
              remove.mutate(d.id, {
                onSuccess: () => {
                  notifySaved(t('delete.done', { name: d.title }));
                  void navigate({ to: '/pipeline' });
                },
                onError: (err) => showFailure(err),
              })
            }
          />
        </>
      )}
    </Stack>
  );
}
