/**
 * The texts of the pages seen before signing in (login, first-run setup, the two-step code),
 * fetched at start; signed-in.ts holds the rest, fetched once someone has signed in.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>(
  './{common,auth,setup,twoStep}.json',
  { eager: true },
);

export default Object.fromEntries(
  Object.entries(files).map(([file, mod]) => [file.replace(/^\.\/|\.json$/g, ''), mod.default]),
);
