import type { Feature } from '../../lib/feature.ts';
import { mailSettingsRoutes } from './mail-settings.routes.ts';

/** Mail from the club (issue 16): the sending settings and a test mail through them. */
export const mailingFeature: Feature = {
  name: 'mailing',
  routes: [mailSettingsRoutes],
};
