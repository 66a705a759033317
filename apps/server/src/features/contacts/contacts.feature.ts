import type { Feature } from '../../lib/feature.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { contactReferences } from '../contact-settings/index.ts';
import { personBatchRoutes } from './batch.routes.ts';
import { contactReferencesRepo } from './contact-references.repo.ts';
import { contactListRoutes } from './contacts-list.routes.ts';
import { contactsRoutes } from './contacts.routes.ts';
import { relationRoutes } from './relations.routes.ts';
import { trashJobs } from './trash-purger.ts';

/** Persons and companies: records, history, lists, search, trash, merge, privacy, export. */
export const contactsFeature: Feature<JobDefinition> = {
  name: 'contacts',
  routes: [contactsRoutes, contactListRoutes, personBatchRoutes, relationRoutes],
  wire: () => contactReferences.provide(contactReferencesRepo),
  jobs: trashJobs,
};
