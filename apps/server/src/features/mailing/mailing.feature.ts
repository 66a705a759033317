import type { Feature } from '../../lib/feature.ts';
import { mailSettingsRoutes } from './mail-settings.routes.ts';
import { personEmailRoutes } from './person-email.routes.ts';
import { mailTemplatesRoutes } from './templates.routes.ts';
import { unsubscribeRoutes } from './unsubscribe.routes.ts';

/** Mail from the club (issue 16): the sending settings, a test mail, and mail templates. */
export const mailingFeature: Feature = {
  name: 'mailing',
  routes: [mailSettingsRoutes, mailTemplatesRoutes, unsubscribeRoutes, personEmailRoutes],
};
