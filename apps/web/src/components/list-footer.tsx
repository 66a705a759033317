import { Group, Pagination, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The first and last row a page shows, and how many pages `total` rows make. */
export function pageRange(page: number, size: number, total: number) {
  return {
    from: total === 0 ? 0 : (page - 1) * size + 1,
    to: Math.min(total, page * size),
    pages: Math.max(1, Math.ceil(total / size)),
  };
}

/**
 * Under a paged list: "1–50 of 10,234", the page size (when it can change) and the pages.
 * Worded by the `table.range`, `table.pageSize` and `table.perPage` texts of `ns`.
 */
export function ListFooter<S extends number>(props: {
  ns: string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  pageSizes?: readonly S[];
  onPageSize?: (size: S) => void;
}) {
  const { t, i18n } = useTranslation(props.ns);
  const nf = new Intl.NumberFormat(i18n.language);
  const { from, to, pages } = pageRange(props.page, props.pageSize, props.total);
  const { pageSizes, onPageSize } = props;
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
        {pageSizes && onPageSize && (
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
