/**
 * The texts of the login page (with its code step), fetched at start; signed-in.ts holds the
 * rest, fetched once someone has signed in or opens the first-run setup.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./{common,auth}.json', {
  eager: true,
});

export default Object.fromEntries(
  Object.entries(files).map(([file, mod]) => [file.replace(/^\.\/|\.json$/g, ''), mod.default]),
);
