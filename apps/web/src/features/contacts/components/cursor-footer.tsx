import { Button, Group, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconChevronsLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContactCount } from '../api/contacts-list-api.ts';

/**
 * Under a list paged by cursor: "51–100 of 1,234" ("of 10,000+" past the count's cap, only
 * the rows while the count loads), the page size, and first / previous / next page buttons.
 */
export function CursorFooter<S extends number>(props: {
  page: number;
  pageSize: number;
  shown: number;
  count: ContactCount | undefined;
  hasPrev: boolean;
  hasNext: boolean;
  onFirst: () => void;
  onPrev: () => void;
  onNext: () => void;
  pageSizes: readonly S[];
  onPageSize: (size: S) => void;
}) {
  const { t, i18n } = useTranslation('contacts');
  const nf = new Intl.NumberFormat(i18n.language);
  const from = props.shown === 0 ? 0 : (props.page - 1) * props.pageSize + 1;
  const to = from === 0 ? 0 : from + props.shown - 1;
  const range = { from: nf.format(from), to: nf.format(to) };
  const { count, pageSizes, onPageSize } = props;
  const label = !count
    ? t('table.rangeOpen', range)
    : count.capped
      ? t('table.rangeMore', { ...range, total: nf.format(count.total) })
      : t('table.range', { ...range, total: nf.format(count.total) });
  return (
    <Group justify="space-between" mt="sm" gap="sm">
      <Group gap="sm">
        <Text size="sm" c="dimmed" data-testid="list-range" aria-live="polite">
          {label}
        </Text>
        <Select
          size="xs"
          w={110}
          aria-label={t('table.pageSize')}
          data={pageSizes.map((n) => ({ value: String(n), label: t('table.perPage', { n }) }))}
          value={String(props.pageSize)}
          allowDeselect={false}
          onChange={(v) => {
            const size = pageSizes.find((n) => String(n) === v);
            if (size !== undefined) onPageSize(size);
          }}
          data-testid="page-size"
        />
      </Group>
      {(props.hasPrev || props.hasNext) && (
        <Group gap="xs" role="navigation" aria-label={t('table.pages')}>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconChevronsLeft size={14} />}
            disabled={!props.hasPrev}
            onClick={props.onFirst}
            data-testid="page-first"
          >
            {t('table.first')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconChevronLeft size={14} />}
            disabled={!props.hasPrev}
            onClick={props.onPrev}
            data-testid="page-prev"
          >
            {t('table.previous')}
          </Button>
          <Button
            size="xs"
            variant="default"
            rightSection={<IconChevronRight size={14} />}
            disabled={!props.hasNext}
            onClick={props.onNext}
            data-testid="page-next"
          >
            {t('table.next')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
