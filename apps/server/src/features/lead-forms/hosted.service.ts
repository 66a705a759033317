import type { CustomField, Locale } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { loadCustomFields } from '../contact-settings/index.ts';
import type { PageContext } from './hosted-page.ts';
import * as repo from './lead-forms.repo.ts';
import { pageLocale } from './lead-forms.service.ts';
import { fillToken } from './spam.ts';

/** The hosted page's form by its public id, and the language to show it in. */
export async function publicForm(
  db: Db,
  publicId: string,
  asked: string | undefined,
  acceptLanguage: string | undefined,
): Promise<{ form: repo.LeadFormRow | undefined; locale: Locale }> {
  const form = await repo.findFormByPublicId(db, publicId);
  return { form, locale: form ? await pageLocale(db, form, asked, acceptLanguage) : 'en' };
}

/** What the page shows besides the form: the branches and custom fields, a fresh fill token. */
export async function pageContext(
  deps: { db: Db; secret: string; now: Date },
  form: repo.LeadFormRow,
  locale: Locale,
): Promise<PageContext> {
  const needsCustom = form.fields.some((f) => f.key.startsWith('custom:'));
  const needsBranches = form.fields.some((f) => f.key === 'branch');
  const custom: CustomField[] = needsCustom
    ? await loadCustomFields(deps.db, form.orgId, 'person')
    : [];
  return {
    form,
    locale,
    texts: form.texts[locale]!,
    token: fillToken(deps.secret, form.id, deps.now),
    branches: needsBranches ? await repo.liveBranches(deps.db, form.orgId) : [],
    customFields: new Map(custom.map((f) => [f.id, f])),
  };
}
