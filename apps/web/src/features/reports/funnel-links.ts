import type { FunnelStep, ReportPeriod } from '@spotter/contracts';
import type { ToOptions } from '@tanstack/react-router';

export interface PersonsScope {
  sourceId?: string | undefined;
  responsibleId?: string | undefined;
  branchId?: string | undefined;
  /** Persons nobody is responsible for (the list can filter them; not those without a source). */
  noResponsible?: boolean;
}

/**
 * The persons list on exactly the persons a funnel number counts: created in the period's
 * days, of the group and filters shown, and (past "lead") who reached the step.
 */
export function personsLink(
  period: ReportPeriod,
  step: FunnelStep,
  scope: PersonsScope,
): ToOptions {
  const one = (v: string | undefined) => (v ? [v] : undefined);
  return {
    to: '/persons',
    search: {
      createdFrom: period.from,
      createdTo: period.to,
      funnelStep: step === 'lead' ? undefined : step,
      sourceId: one(scope.sourceId),
      responsibleId: one(scope.responsibleId),
      branchId: one(scope.branchId),
      noResponsible: scope.noResponsible || undefined,
    },
  } as ToOptions;
}
