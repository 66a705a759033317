import { Alert, Button, Group, Loader, Paper, Stack, Stepper, Text } from '@mantine/core';
import type { Import, Me } from '@spotter/contracts';
import { IconAlertCircle, IconCircleCheck, IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/validation.ts';
import { useImport, useRunImport } from '../api/imports-api.ts';
import { ImportCounts, ImportProblems, ImportProgress } from '../components/import-results.tsx';
import { MappingStep } from '../components/mapping-step.tsx';
import { UploadStep } from '../components/upload-step.tsx';

/** Which step an import is at, so reloading /import?id= lands where the user left off. */
function stepOf(imp: Import | undefined, editing: boolean): number {
  if (!imp) return 0;
  if (editing || imp.status === 'uploaded') return 1;
  if (imp.status === 'queued') return imp.dryRun ? 2 : 3;
  if (imp.status === 'validating' || imp.status === 'validated') return 2;
  if (imp.status === 'failed') return imp.dryRun ? 2 : 3;
  return 3;
}

/** C-14: the CSV import wizard — file, mapping, check (dry run), import with a report. */
export function ImportPage(props: { me: Me; importId?: string }) {
  const { t } = useTranslation('imports');
  const navigate = useNavigate();
  const query = useImport(props.importId);
  const [editing, setEditing] = useState(false);
  const imp = props.importId ? query.data : undefined;
  const step = stepOf(imp, editing);

  const open = (id: string | undefined) => {
    setEditing(false);
    void navigate({ to: '/import', search: id ? { id } : {} });
  };

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {props.importId && query.isPending && <Loader />}
      {props.importId && query.isError && (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      )}
      {(!props.importId || imp) && (
        <Stepper active={step} size="sm" mb="xl" allowNextStepsSelect={false}>
          <Stepper.Step label={t('steps.file')} description={t('steps.fileHint')}>
            <UploadStep onUploaded={(created) => open(created.id)} />
          </Stepper.Step>
          <Stepper.Step label={t('steps.mapping')} description={t('steps.mappingHint')}>
            {imp && (
              <MappingStep
                key={`${imp.id}-${imp.status}`}
                imp={imp}
                onBack={() => open(undefined)}
                onChecking={() => setEditing(false)}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label={t('steps.check')} description={t('steps.checkHint')}>
            {imp && <CheckStep imp={imp} onEdit={() => setEditing(true)} />}
          </Stepper.Step>
          <Stepper.Step label={t('steps.import')} description={t('steps.importHint')}>
            {imp && <RunStep imp={imp} onAnother={() => open(undefined)} />}
          </Stepper.Step>
        </Stepper>
      )}
    </>
  );
}

function CheckStep(props: { imp: Import; onEdit: () => void }) {
  const { imp } = props;
  const { t } = useTranslation('imports');
  const run = useRunImport(imp.id);
  if (imp.status === 'queued') return <ImportProgress imp={imp} label={t('progress.queued')} />;
  if (imp.status === 'validating') {
    return <ImportProgress imp={imp} label={t('progress.checking')} />;
  }
  const toImport = imp.created + imp.updated;
  return (
    <Stack gap="md">
      {imp.status === 'failed' ? (
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          {t('check.failed')}
        </Alert>
      ) : (
        <Alert
          color={imp.errorCount > 0 ? 'yellow' : 'teal'}
          icon={imp.errorCount > 0 ? <IconAlertCircle size={18} /> : <IconCircleCheck size={18} />}
          data-testid="import-check-summary"
        >
          {imp.errorCount > 0 ? t('check.withProblems') : t('check.clean')}
        </Alert>
      )}
      <ImportCounts imp={imp} dryRun />
      <ImportProblems imp={imp} />
      {run.error && (
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          {errorMessage(run.error)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={props.onEdit} data-testid="import-back">
          {t('actions.changeMapping')}
        </Button>
        <Button
          leftSection={<IconFileImport size={16} />}
          disabled={imp.status !== 'validated' || toImport === 0}
          loading={run.isPending}
          data-testid="import-run"
          onClick={() =>
            run.mutate({ mapping: imp.mapping, duplicateMode: imp.duplicateMode, dryRun: false })
          }
        >
          {t('check.import', { count: toImport })}
        </Button>
      </Group>
    </Stack>
  );
}

function RunStep(props: { imp: Import; onAnother: () => void }) {
  const { imp } = props;
  const { t } = useTranslation('imports');
  const qc = useQueryClient();
  const run = useRunImport(imp.id);
  const finished = imp.status === 'done';
  useEffect(() => {
    // The worker wrote persons or companies: every list and card shows them from now on.
    if (finished) {
      void qc.invalidateQueries({ queryKey: [imp.kind === 'person' ? 'persons' : 'companies'] });
      void qc.invalidateQueries({ queryKey: ['crm'] });
    }
  }, [finished, imp.kind, qc]);

  if (imp.status === 'queued') return <ImportProgress imp={imp} label={t('progress.queued')} />;
  if (imp.status === 'running') {
    return <ImportProgress imp={imp} label={t('progress.importing')} />;
  }
  if (imp.status === 'failed') {
    return (
      <Stack gap="md">
        <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('report.failedTitle')}>
          {t('report.failed', { count: imp.processedRows })}
        </Alert>
        <Group>
          <Button
            loading={run.isPending}
            onClick={() =>
              run.mutate({ mapping: imp.mapping, duplicateMode: imp.duplicateMode, dryRun: false })
            }
          >
            {t('actions.retry')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="md" p="lg" data-testid="import-report">
      <Stack gap="md">
        <Group gap="xs">
          <IconCircleCheck size={22} color="var(--mantine-color-teal-6)" />
          <Text fw={600}>{t('report.title', { file: imp.fileName })}</Text>
        </Group>
        <ImportCounts imp={imp} dryRun={false} />
        <ImportProblems imp={imp} />
        <Group justify="space-between">
          <Button variant="default" onClick={props.onAnother}>
            {t('actions.anotherFile')}
          </Button>
          <Button
            component={Link}
            to={imp.kind === 'person' ? '/persons' : '/companies'}
            data-testid="import-open-list"
          >
            {t(imp.kind === 'person' ? 'report.openPersons' : 'report.openCompanies')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
