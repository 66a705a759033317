import type { Feature } from '../../lib/feature.ts';
import { mailSettingsRoutes } from './mail-settings.routes.ts';
import { smsRoutes } from './sms-settings.routes.ts';
import { mailTemplatesRoutes } from './templates.routes.ts';

/** Mail from the club (issue 16): the sending settings, a test mail, mail templates, and the SMS gateway. */
export const mailingFeature: Feature = {
  name: 'mailing',
  routes: [mailSettingsRoutes, mailTemplatesRoutes, smsRoutes],
};
