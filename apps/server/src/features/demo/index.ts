/** `seedDemo(db, { orgId, ownerId })` fills an organization with a believable club. */
export { seedDemo } from './demo.ts';
