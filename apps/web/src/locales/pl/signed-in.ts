/**
 * This language's signed-in namespaces that the board, the lists and the frame show, bundled
 * together: public.ts has the login page's, more.ts those of every other page.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>(
  [
    './*.json',
    '!./{common,auth}.json',
    '!./{backup,card,clubEvents,crm,deals,imports,jobs,leadForms,mailing,settings,setup,taskSettings,webhooks}.json',
    '!./reports*.json',
  ],
  { eager: true },
);

export default Object.fromEntries(
  Object.entries(files).map(([file, mod]) => [file.replace(/^\.\/|\.json$/g, ''), mod.default]),
);
