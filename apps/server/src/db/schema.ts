export * from '../features/organizations/organizations.table.ts';
export * from '../features/branches/branches.table.ts';
export * from '../features/users/users.table.ts';
export * from '../features/auth/sessions.table.ts';
export * from '../features/api-tokens/api-tokens.table.ts';
export * from '../features/contact-settings/contact-settings.table.ts';
export * from '../features/contacts/contacts.table.ts';
export * from '../features/imports/imports.table.ts';
