import { apiTokensFeature } from './features/api-tokens/api-tokens.feature.ts';
import { authFeature } from './features/auth/auth.feature.ts';
import type { LoginLimiter, SignupLimiter } from './features/auth/index.ts';
import { backupFeature } from './features/backup/backup.feature.ts';
import { branchesFeature } from './features/branches/branches.feature.ts';
import { clubEventsFeature } from './features/club-events/club-events.feature.ts';
import { contactSettingsFeature } from './features/contact-settings/contact-settings.feature.ts';
import { contactsFeature } from './features/contacts/contacts.feature.ts';
import { dealsFeature } from './features/deals/deals.feature.ts';
import { demoFeature } from './features/demo/demo.feature.ts';
import { groupsFeature } from './features/groups/groups.feature.ts';
import { healthFeature } from './features/health/health.feature.ts';
import { importsFeature } from './features/imports/imports.feature.ts';
import type { JobDefinition } from './features/jobs/index.ts';
import { jobsFeature } from './features/jobs/jobs.feature.ts';
import type { LeadFormLimits } from './features/lead-forms/index.ts';
import type { SmsSender } from './features/mailing/channel-sender.ts';
import { leadFormsFeature } from './features/lead-forms/lead-forms.feature.ts';
import { mailingFeature } from './features/mailing/mailing.feature.ts';
import { liveFeature } from './features/live/live.feature.ts';
import { notificationsFeature } from './features/notifications/notifications.feature.ts';
import { organizationsFeature } from './features/organizations/organizations.feature.ts';
import { reportsFeature } from './features/reports/reports.feature.ts';
import { taskBoardFeature } from './features/task-board/task-board.feature.ts';
import { taskSettingsFeature } from './features/task-settings/task-settings.feature.ts';
import { tasksFeature } from './features/tasks/tasks.feature.ts';
import { twoStepFeature } from './features/two-step/two-step.feature.ts';
import { usersFeature } from './features/users/users.feature.ts';
import { webhooksFeature } from './features/webhooks/webhooks.feature.ts';
import type { Feature } from './lib/feature.ts';

/**
 * Every feature of the server, lower ones first: a feature may import only features listed
 * above it (through their index.ts), and hooks run in this order (contact defaults are seeded
 * before task defaults). Adding a feature is one line here (docs/adding-a-feature.md).
 */
export function serverFeatures(
  opts: {
    limiter?: LoginLimiter;
    signupLimiter?: SignupLimiter;
    leadFormLimits?: LeadFormLimits;
    smsSender?: SmsSender;
  } = {},
): Feature<JobDefinition>[] {
  return [
    healthFeature,
    liveFeature,
    organizationsFeature,
    jobsFeature,
    branchesFeature,
    usersFeature,
    twoStepFeature,
    authFeature(opts),
    apiTokensFeature,
    groupsFeature,
    contactSettingsFeature,
    contactsFeature,
    importsFeature,
    mailingFeature({ smsSender: opts.smsSender }),
    taskSettingsFeature,
    tasksFeature,
    notificationsFeature,
    leadFormsFeature({ limits: opts.leadFormLimits }),
    taskBoardFeature,
    clubEventsFeature,
    webhooksFeature,
    dealsFeature,
    reportsFeature,
    demoFeature,
    backupFeature,
  ];
}

/** Subscribes every feature to the hooks it reacts to (repeating it changes nothing). */
export function wireFeatures(features: Feature<JobDefinition>[]): void {
  for (const feature of features) feature.wire?.();
}
