/** This language's namespaces, bundled together: one file to fetch when it is chosen. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*.json', { eager: true });

export default Object.fromEntries(
  Object.entries(files).map(([file, mod]) => [file.replace(/^\.\/|\.json$/g, ''), mod.default]),
);
