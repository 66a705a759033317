import { LOCALES, type Locale } from '@spotter/contracts';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import { AllowList } from '../../lib/address-guard.ts';
import { enqueueJob, type JobDefinitions } from '../jobs/index.ts';
import { sendClubMail } from '../mailing/index.ts';
import type { TaskAssignment } from '../tasks/index.ts';
import { REMINDER_WORDS } from './reminder-mail-texts.ts';
import { reminderMailFacts, reminderMailWanted } from './reminder-mail.repo.ts';

export const REMINDER_MAIL_JOB = 'notifications.reminder-mail';

const asLocale = (value: string | null | undefined): Locale | undefined =>
  (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : undefined;

/**
 * A reminder fired (in the sweep's transaction): when its assignee chose email reminders, a
 * job to mail it commits with the reminder or not at all. The key names this firing of this
 * task's reminder, so it is mailed exactly once however often the sweep or the job runs.
 */
export async function queueReminderMail(tx: Db, r: TaskAssignment): Promise<void> {
  const found = await reminderMailWanted(tx, r.orgId, r.userId, r.taskId);
  if (!found?.wanted || !found.remindedAt) return;
  await enqueueJob(tx, {
    kind: REMINDER_MAIL_JOB,
    key: `reminder-mail:${r.taskId}:${found.remindedAt.toISOString()}`,
    orgId: r.orgId,
    payload: { taskId: r.taskId, userId: r.userId },
    runAt: found.remindedAt,
    maxAttempts: 5,
  });
}

/** The mail itself: the task, its person, its due time on the club's clock, and a link. */
function reminderText(
  facts: NonNullable<Awaited<ReturnType<typeof reminderMailFacts>>>,
  taskUrl: string | null,
) {
  const locale = asLocale(facts.userLocale) ?? asLocale(facts.orgLocale) ?? 'en';
  const w = REMINDER_WORDS[locale];
  const task = facts.template ?? '';
  const due = facts.dueAt
    ? new Intl.DateTimeFormat(locale, {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: facts.timezone,
      }).format(facts.dueAt)
    : w.noDue;
  const lines = [
    w.intro,
    '',
    task,
    ...(facts.person ? [`${w.person}: ${facts.person}`] : []),
    `${w.due}: ${due}`,
    ...(facts.comment.trim() ? [`${w.comment}: ${facts.comment.trim()}`] : []),
    ...(taskUrl ? ['', `${w.open}: ${taskUrl}`] : []),
    '',
    '--',
    facts.orgName,
    w.why,
  ];
  return { subject: w.subject.replace('{task}', task).trim(), text: lines.join('\n') };
}

/**
 * The mailing job, built per app (it needs the server secret that opens the SMTP password).
 * Sends nothing when the task was done or given to someone else meanwhile, the user switched
 * email reminders off or left, or the club has no sending settings; a refusal by the SMTP
 * server throws, so the runner tries again later.
 */
export function reminderMailJobs(app: FastifyInstance): JobDefinitions {
  const mailer = {
    sessionSecret: app.config.sessionSecret,
    allow: new AllowList(app.config.smtpAllowHosts ?? []),
  };
  const base = app.config.publicUrl?.replace(/\/+$/, '') ?? null;
  return {
    [REMINDER_MAIL_JOB]: {
      run: async (db, job) => {
        const { taskId, userId } = job.payload as { taskId: string; userId: string };
        if (!job.orgId) return;
        const facts = await reminderMailFacts(db, job.orgId, userId, taskId);
        if (!facts || facts.completedAt || facts.assigneeId !== userId) return;
        if (!facts.wanted || !facts.userActive) return;
        const mail = reminderText(facts, base ? `${base}/tasks/${taskId}` : null);
        await sendClubMail(db, mailer, job.orgId, { to: facts.userEmail, ...mail });
      },
    },
  };
}
