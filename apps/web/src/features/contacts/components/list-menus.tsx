import { Button, Checkbox, Menu, ScrollArea } from '@mantine/core';
import type { ContactKind } from '@spotter/contracts';
import { IconColumns, IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../list-params.ts';
import type { ListSearch } from '../list-search.ts';
import type { Column } from './columns.tsx';

/** Shows or hides the optional columns. */
export function ColumnsMenu(props: {
  columns: Column[];
  isVisible: (c: Column) => boolean;
  onToggle: (c: Column, on: boolean) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation('contacts');
  return (
    <Menu closeOnItemClick={false} position="bottom-end" shadow="md" width={240}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconColumns size={16} />}
          data-testid="columns-menu"
        >
          {t('toolbar.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <ScrollArea.Autosize mah={360} type="auto">
          {props.columns
            .filter((c) => c.optional)
            .map((c) => (
              <Menu.Item
                key={c.key}
                onClick={() => props.onToggle(c, !props.isVisible(c))}
                data-testid={`column-toggle-${c.key}`}
                leftSection={
                  <Checkbox
                    size="xs"
                    checked={props.isVisible(c)}
                    readOnly
                    tabIndex={-1}
                    aria-hidden
                  />
                }
              >
                {c.label}
              </Menu.Item>
            ))}
        </ScrollArea.Autosize>
        <Menu.Divider />
        <Menu.Item onClick={props.onReset}>{t('toolbar.resetColumns')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Downloads the whole filtered list with the visible columns. */
export function ExportMenu(props: { kind: ContactKind; search: ListSearch; columns: string[] }) {
  const { t } = useTranslation('contacts');
  const href = (format: 'csv' | 'xlsx') =>
    exportUrl(props.kind, props.search, format, props.columns);
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          data-testid="export-menu"
        >
          {t('toolbar.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component="a"
          href={href('csv')}
          download
          leftSection={<IconFileText size={16} />}
          data-testid="export-csv"
        >
          {t('toolbar.exportCsv')}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={href('xlsx')}
          download
          leftSection={<IconFileSpreadsheet size={16} />}
          data-testid="export-xlsx"
        >
          {t('toolbar.exportXlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
