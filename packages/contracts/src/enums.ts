/**
 * Plain values, without zod, that the web's first download needs (the languages, what route
 * definitions accept in a URL, the login form's password length). Each is re-exported from its usual file, so every import
 * path stays; they live here so that a page using one does not also build the schemas that
 * share its file (decision 0023).
 */

/** Password lengths (passwords.ts has the rule itself). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Languages the UI and the organization can use. */
export const LOCALES = ['en', 'sv', 'pl', 'ru', 'uk'] as const;

/**
 * The contact lists whose entries are "a named, ordered, optionally coloured entry of a
 * configurable list" (contact-settings.ts).
 */
export const LOOKUP_KINDS = [
  'tags',
  'categories',
  'industries',
  'sources',
  'products',
  'history-types',
  /** How a guardian is related to a child (issue 17): mother, father, guardian, other carer. */
  'relation-roles',
] as const;

/** `due`: open and due by the end of the club's today, overdue included ("my day"). */
export const TASK_STATES = ['open', 'overdue', 'today', 'due', 'done', 'all'] as const;
export const TASK_SORTS = [
  'dueAt',
  '-dueAt',
  'createdAt',
  '-createdAt',
  'completedAt',
  '-completedAt',
];
