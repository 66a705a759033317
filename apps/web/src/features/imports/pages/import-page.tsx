import { Alert, Button, Group, Loader, Paper, Stack, Stepper, Text } from '@mantine/core';
import type { Import, ImportUnknownValues, Me } from '@spotter/contracts';
import { IconAlertCircle, IconCircleCheck, IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/validation.ts';
import { useImport, useRunImport } from '../api/imports-api.ts';
import { ImportCounts, ImportProgress } from '../components/import-results.tsx';
import { MappingStep } from '../components/mapping-step.tsx';
import { ProblemsList } from '../components/problems-list.tsx';
import { UploadStep } from '../components/upload-step.tsx';
import { ValuesStep, type ImportDraft } from '../components/values-step.tsx';

/** Where the user is inside the mapping part (kept in the page: nothing is stored yet). */
type Editing =
  | null
  | { draft?: ImportDraft; unknown?: undefined }
  | { draft: ImportDraft; unknown: ImportUnknownValues };

/**
 * Which step an import is at, so reloading /import?id= lands where the user left off; a
 * finished import is past the last step, so the stepper ticks every step.
 */
function stepOf(imp: Import | undefined, editing: Editing): number {
  if (!imp) return 0;
  if (editing === null ? imp.status === 'uploaded' : !editing.unknown) return 1;
  if (editing !== null) return 2;
  if (imp.status === 'queued') return imp.dryRun ? 3 : 4;
  if (imp.status === 'validating' || imp.status === 'validated') return 3;
  if (imp.status === 'failed') return imp.dryRun ? 3 : 4;
  return imp.status === 'done' ? 5 : 4;
}

/** C-14: the CSV import wizard — file, mapping, check (dry run), import with a report. */
export function ImportPage(props: { me: Me; importId?: string }) {
  const { t } = useTranslation('imports');
  const navigate = useNavigate();
  const query = useImport(props.importId);
  const [editing, setEditing] = useState<Editing>(null);
  const imp = props.importId ? query.data : undefined;
  const step = stepOf(imp, editing);

  const open = (id: string | undefined) => {
    setEditing(null);
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
                draft={editing?.draft}
                onBack={() => open(undefined)}
                onChecking={() => setEditing(null)}
                onValues={(draft, unknown) => setEditing({ draft, unknown })}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label={t('steps.values')} description={t('steps.valuesHint')}>
            {imp && editing?.unknown && (
              <ValuesStep
                imp={imp}
                draft={editing.draft}
                unknown={editing.unknown}
                mayCreate={props.me.permissions.includes('settings.manage')}
                onBack={() => setEditing({ draft: editing.draft })}
                onChecking={() => setEditing(null)}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label={t('steps.check')} description={t('steps.checkHint')}>
            {imp && <CheckStep imp={imp} onEdit={() => setEditing({})} />}
          </Stepper.Step>
          <Stepper.Step label={t('steps.import')} description={t('steps.importHint')}>
            {imp && <RunStep imp={imp} onAnother={() => open(undefined)} />}
          </Stepper.Step>
          <Stepper.Completed>
            {imp && <RunStep imp={imp} onAnother={() => open(undefined)} />}
          </Stepper.Completed>
        </Stepper>
      )}
    </>
  );
}

/** The checked run's settings: the real run imports exactly what the dry run checked. */
const runOf = (imp: Import) => ({
  mapping: imp.mapping,
  duplicateMode: imp.duplicateMode,
  valueMap: imp.valueMap,
  skipOnProblem: imp.skipOnProblem,
});

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
      <ProblemsList imp={imp} />
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
          onClick={() => run.mutate({ ...runOf(imp), dryRun: false })}
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
            onClick={() => run.mutate({ ...runOf(imp), dryRun: false })}
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
        <ProblemsList imp={imp} />
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
