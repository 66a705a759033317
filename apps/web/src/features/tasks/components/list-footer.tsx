import { Group, Pagination, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES } from '../tasks-search.ts';

/** "1–50 of 234", the page size and the pages. */
export function TaskListFooter(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize?: (size: 25 | 50 | 100) => void;
}) {
  const { t, i18n } = useTranslation('tasks');
  const nf = new Intl.NumberFormat(i18n.language);
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const from = props.total === 0 ? 0 : (props.page - 1) * props.pageSize + 1;
  const to = Math.min(props.total, props.page * props.pageSize);
  return (
    <Group justify="space-between" mt="sm" gap="sm">
      <Group gap="sm">
        <Text size="sm" c="dimmed" data-testid="list-range">
          {t('table.range', {
            from: nf.format(from),
            to: nf.format(to),
            total: nf.format(props.total),
          })}
        </Text>
        {props.onPageSize && (
          <Select
            size="xs"
            w={110}
            aria-label={t('table.pageSize')}
            data={PAGE_SIZES.map((n) => ({ value: String(n), label: t('table.perPage', { n }) }))}
            value={String(props.pageSize)}
            allowDeselect={false}
            onChange={(v) => {
              const n = Number(v);
              if (n === 25 || n === 50 || n === 100) props.onPageSize?.(n);
            }}
            data-testid="page-size"
          />
        )}
      </Group>
      {pages > 1 && (
        <Pagination
          size="sm"
          total={pages}
          value={Math.min(props.page, pages)}
          onChange={props.onPage}
          siblings={1}
          boundaries={1}
          data-testid="pagination"
        />
      )}
    </Group>
  );
}
