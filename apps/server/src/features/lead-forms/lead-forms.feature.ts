import type { Feature } from '../../lib/feature.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { hostedRoutes } from './hosted.routes.ts';
import { leadFormsRoutes } from './lead-forms.routes.ts';
import type { LeadFormLimits } from './spam.ts';
import { wireSpeedToLead } from './speed-to-lead.ts';

/** The website's lead form and speed to lead (decision 0029). */
export function leadFormsFeature(opts: { limits?: LeadFormLimits } = {}): Feature<JobDefinition> {
  return {
    name: 'lead-forms',
    routes: [leadFormsRoutes, hostedRoutes(opts.limits)],
    wire: wireSpeedToLead,
  };
}
