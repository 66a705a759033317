/** This language's signed-in namespaces, bundled together: public.ts has the others. */
const files = import.meta.glob<{ default: Record<string, unknown> }>(
  ['./*.json', '!./{common,auth}.json'],
  { eager: true },
);

export default Object.fromEntries(
  Object.entries(files).map(([file, mod]) => [file.replace(/^\.\/|\.json$/g, ''), mod.default]),
);
