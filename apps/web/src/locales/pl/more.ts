/**
 * The texts of the pages beyond the board, the lists and the frame — settings, CRM settings and
 * trash, imports, jobs, backup, connected systems, the contact card, task settings and results,
 * first-run setup — fetched with the first of those pages (or dialogs) that opens: the board
 * does not download them (decision 0030).
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>(
  [
    './{backup,card,clubEvents,crm,deals,imports,jobs,leadForms,mailing,settings,setup,taskSettings,webhooks}.json',
    './reports*.json',
  ],
  { eager: true },
);

export default Object.fromEntries(
  Object.entries(files).map(([file, mod]) => [file.replace(/^\.\/|\.json$/g, ''), mod.default]),
);
