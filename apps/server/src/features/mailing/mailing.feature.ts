import type { Feature } from '../../lib/feature.ts';
import { AllowList } from '../../lib/address-guard.ts';
import { secretBoxFor } from '../../lib/secret-box.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { campaignJobs } from './campaign-delivery.ts';
import { campaignsRoutes } from './campaigns.routes.ts';
import type { SmsSender } from './channel-sender.ts';
import { mailSettingsRoutes } from './mail-settings.routes.ts';
import { MailPool } from './mail-transport.ts';
import { personEmailRoutes } from './person-email.routes.ts';
import { createSmsSender } from './sms-send.ts';
import { smsBox, smsRoutes } from './sms-settings.routes.ts';
import { mailTemplatesRoutes } from './templates.routes.ts';
import { unsubscribeRoutes } from './unsubscribe.routes.ts';

/**
 * Mail from the club (issue 16): the sending settings, a test mail, mail templates, the SMS
 * gateway, campaigns with their delivery jobs, unsubscribe links and one email to one person. `smsSender`: how SMS campaign messages
 * leave — the organization's gateway unless a test hands in one that records.
 */
export function mailingFeature(opts: { smsSender?: SmsSender } = {}): Feature<JobDefinition> {
  return {
    name: 'mailing',
    routes: [
      mailSettingsRoutes,
      mailTemplatesRoutes,
      smsRoutes,
      campaignsRoutes,
      unsubscribeRoutes,
      personEmailRoutes,
    ],
    jobs: (app) => {
      const pool = new MailPool({ allow: new AllowList(app.config.smtpAllowHosts ?? []) });
      app.addHook('onClose', () => pool.close());
      const gateway = createSmsSender({
        box: smsBox(app.config.sessionSecret),
        allow: new AllowList(app.config.smsAllowHosts ?? []),
      });
      return campaignJobs({
        box: secretBoxFor(app.config.sessionSecret, 'mail settings'),
        sessionSecret: app.config.sessionSecret,
        pool,
        sms: opts.smsSender ?? gateway,
      });
    },
  };
}
