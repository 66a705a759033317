import type { Feature } from '../../lib/feature.ts';
import { AllowList } from '../../lib/address-guard.ts';
import { secretBoxFor } from '../../lib/secret-box.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { campaignJobs } from './campaign-delivery.ts';
import { campaignsRoutes } from './campaigns.routes.ts';
import { SendFailure, type SmsSender } from './channel-sender.ts';
import { mailSettingsRoutes } from './mail-settings.routes.ts';
import { MailPool } from './mail-transport.ts';
import { mailTemplatesRoutes } from './templates.routes.ts';

/** Until the SMS gateway is wired in here, an SMS campaign's messages wait and are retried. */
const noGateway: SmsSender = () =>
  Promise.reject(new SendFailure('No SMS gateway is set up for sending', false));

/**
 * Mail from the club (issue 16): the sending settings, a test mail, mail templates, and
 * campaigns with their delivery jobs. `smsSender`: how SMS campaign messages leave (tests hand
 * in one that records).
 */
export function mailingFeature(opts: { smsSender?: SmsSender } = {}): Feature<JobDefinition> {
  return {
    name: 'mailing',
    routes: [mailSettingsRoutes, mailTemplatesRoutes, campaignsRoutes],
    jobs: (app) => {
      const pool = new MailPool({ allow: new AllowList(app.config.smtpAllowHosts ?? []) });
      app.addHook('onClose', () => pool.close());
      return campaignJobs({
        box: secretBoxFor(app.config.sessionSecret, 'mail settings'),
        sessionSecret: app.config.sessionSecret,
        pool,
        sms: opts.smsSender ?? noGateway,
      });
    },
  };
}
