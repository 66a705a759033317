import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Skeleton,
  Table,
  Text,
} from '@mantine/core';
import type { Me } from '@spotter/contracts';
import { IconDownload, IconListDetails } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { exportHref, useDealsList, usePipelines } from '../api/deals-api.ts';
import { BulkBar } from '../components/bulk-bar.tsx';
import { StageBadge } from '../components/contact-deals.tsx';
import { dealContactName } from '../components/deal-card.tsx';
import { DealFilters } from '../components/deal-filters.tsx';
import { formatDay } from '../components/deal-format.ts';
import { clearDealFilters, dealFilters, patchDealSearch } from '../deal-params.ts';
import { DEAL_LIST_SORTS, type DealsSearch } from '../deals-search.ts';
import { formatMoney } from '../money.ts';

/** The deals list (S-1): filters, order, "load more", bulk owner and stage, CSV export. */
export function DealsListPage(props: { me: Me; search: DealsSearch }) {
  const { t, i18n } = useTranslation('deals');
  const navigate = useNavigate();
  const pipelines = (usePipelines(true).data?.items ?? []).filter(
    (p) => !p.archived || p.id === props.search.pipelineId,
  );
  const filters = useMemo(() => dealFilters(props.search), [props.search]);
  const list = useDealsList(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const canWrite = props.me.permissions.includes('deals.write');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const pipeline = pipelines.find((p) => p.id === props.search.pipelineId);

  const go = (next: (prev: DealsSearch) => DealsSearch) => {
    setSelected(new Set());
    void navigate({ from: '/deals', to: '/deals', search: (prev: DealsSearch) => next(prev) });
  };
  const patch = (p: Partial<DealsSearch>) => go((prev) => patchDealSearch(prev, p));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allOn = items.length > 0 && items.every((d) => selected.has(d.id));

  return (
    <>
      <PageHeader
        title={t('list.title')}
        actions={
          <Button
            component="a"
            href={exportHref(filters)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
            data-testid="deals-export"
          >
            {t('list.export')}
          </Button>
        }
      />
      <DealFilters
        search={props.search}
        timeZone={props.me.organization.timezone}
        onChange={patch}
        onClear={() => go(clearDealFilters)}
      >
        <Select
          w={{ base: '100%', xs: 170 }}
          aria-label={t('fields.pipeline')}
          placeholder={t('list.allPipelines')}
          data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
          value={props.search.pipelineId ?? null}
          onChange={(v) => patch({ pipelineId: v ?? undefined, stageId: undefined })}
          clearable
          data-testid="deals-pipeline"
        />
        {pipeline && (
          <Select
            w={{ base: '100%', xs: 170 }}
            aria-label={t('fields.stage')}
            placeholder={t('list.allStages')}
            data={pipeline.stages.map((s) => ({ value: s.id, label: s.name }))}
            value={props.search.stageId?.[0] ?? null}
            onChange={(v) => patch({ stageId: v ? [v] : undefined })}
            clearable
            data-testid="deals-stage"
          />
        )}
        <Select
          w={{ base: '100%', xs: 140 }}
          aria-label={t('list.state')}
          data={(['open', 'won', 'lost', 'all'] as const).map((s) => ({
            value: s,
            label: t(`list.states.${s}`),
          }))}
          value={props.search.state ?? 'open'}
          allowDeselect={false}
          onChange={(v) => patch({ state: v === 'open' ? undefined : (v as DealsSearch['state']) })}
          data-testid="deals-state"
        />
        <Select
          w={{ base: '100%', xs: 190 }}
          aria-label={t('list.sort')}
          data={DEAL_LIST_SORTS.map((s) => ({ value: s, label: t(`list.sorts.${s}`) }))}
          value={props.search.sort ?? '-updatedAt'}
          allowDeselect={false}
          onChange={(v) =>
            patch({ sort: v === '-updatedAt' ? undefined : (v as DealsSearch['sort']) })
          }
          data-testid="deals-sort"
        />
      </DealFilters>
      {canWrite && selected.size > 0 && (
        <BulkBar ids={[...selected]} pipeline={pipeline} onDone={() => setSelected(new Set())} />
      )}
      {list.isPending && <Skeleton height={240} radius="md" />}
      {list.isError && !list.data && (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      )}
      {list.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconListDetails size={28} />}
          title={t('list.emptyTitle')}
          text={t('list.emptyText')}
        />
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="deals-table">
              <Table.Thead>
                <Table.Tr>
                  {canWrite && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('list.selectAll')}
                        checked={allOn}
                        indeterminate={!allOn && selected.size > 0}
                        onChange={(e) =>
                          setSelected(
                            e.currentTarget.checked ? new Set(items.map((d) => d.id)) : new Set(),
                          )
                        }
                      />
                    </Table.Th>
                  )}
                  <Table.Th>{t('fields.title')}</Table.Th>
                  <Table.Th>{t('fields.contact')}</Table.Th>
                  <Table.Th>{t('fields.stage')}</Table.Th>
                  <Table.Th ta="end">{t('list.amount')}</Table.Th>
                  <Table.Th>{t('fields.expectedCloseDate')}</Table.Th>
                  <Table.Th>{t('fields.owner')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => (
                  <Table.Tr key={d.id} data-testid="deal-row">
                    {canWrite && (
                      <Table.Td>
                        <Checkbox
                          aria-label={t('list.select', { name: d.title })}
                          checked={selected.has(d.id)}
                          onChange={(e) => toggle(d.id, e.currentTarget.checked)}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Anchor
                        renderRoot={(root) => (
                          <Link {...root} to="/deals/$dealId" params={{ dealId: d.id }} />
                        )}
                        fw={600}
                        size="sm"
                      >
                        {d.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{dealContactName(d) ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StageBadge deal={d} />
                    </Table.Td>
                    <Table.Td ta="end">
                      <Text size="sm">{formatMoney(d.amount, d.currency, i18n.language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {d.expectedCloseDate ? formatDay(d.expectedCloseDate, i18n.language) : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.owner?.name ?? '—'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="light"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
            data-testid="deals-more"
          >
            {t('list.more')}
          </Button>
        </Group>
      )}
    </>
  );
}
