import type { ReportPeriod } from '@spotter/contracts';
import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFailure } from '../../../lib/feedback.ts';
import { exportFileName, reportCsv, reportXlsx, saveFile } from '../lib/report-export.ts';
import type { ReportColumn } from '../report-columns.ts';

export interface ExportMenuProps<Row> {
  /** The report's name in the file name (`crm`, `funnel` …). */
  report: string;
  period: ReportPeriod;
  columns: ReportColumn<Row>[];
  rows: Row[];
}

/**
 * CSV and Excel of exactly the rows on screen, made in the browser so the headers are in the
 * user's language; the Excel writer is fetched only when asked for.
 */
export function ExportMenu<Row>({ report, period, columns, rows }: ExportMenuProps<Row>) {
  const { t } = useTranslation('reports');
  const [busy, setBusy] = useState(false);
  const csv = () =>
    saveFile(
      new Blob([reportCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }),
      exportFileName(report, period, 'csv'),
    );
  const xlsx = async () => {
    setBusy(true);
    try {
      saveFile(await reportXlsx(columns, rows), exportFileName(report, period, 'xlsx'));
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={busy}
          data-testid="report-export"
        >
          {t('export.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileText size={16} />} onClick={csv} data-testid="export-csv">
          {t('export.csv')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconFileSpreadsheet size={16} />}
          onClick={() => void xlsx()}
          data-testid="export-xlsx"
        >
          {t('export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
