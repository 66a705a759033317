import { readFileSync } from 'node:fs';
import {
  FIELD_ERROR_CODES,
  personCreateSchema,
  type ApiError as ApiErrorBody,
} from '@spotter/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { i18n } from './i18n.ts';
import { fieldErrorKey, installZodMessages, issueText, serverFieldErrors } from './validation.ts';

const common = JSON.parse(
  readFileSync(new URL('../locales/en/common.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, string>>;

const answer = (body: ApiErrorBody) => new ApiError(400, body.code, body.message, body);

describe('field errors said by their code', () => {
  beforeAll(async () => {
    await i18n.init({ lng: 'en', resources: { en: { common } }, defaultNS: 'common' });
    installZodMessages();
  });

  it('has an English text for every field error code', () => {
    for (const code of FIELD_ERROR_CODES) {
      const [section, name] = fieldErrorKey(code).replace('common:', '').split('.') as [
        string,
        string,
      ];
      const texts = common[section] ?? {};
      expect(texts[name] ?? texts[`${name}_other`], code).toBeDefined();
    }
  });

  it('translates the codes of a server answer, never its English, unless it has no code', () => {
    const err = answer({
      code: 'validation',
      message: 'Invalid input',
      fields: {
        name: 'Too big: expected string to have <=120 characters',
        'owner.email': 'An account with this email already exists',
        companyId: 'Unknown company',
        legacy: 'Something the UI has no code for',
      },
      fieldCodes: { name: 'too_long', 'owner.email': 'taken', companyId: 'unknown_reference' },
      fieldParams: { name: { max: 120 } },
    });
    expect(serverFieldErrors(err)).toEqual({
      name: 'Use at most 120 characters',
      'owner.email': common.validation!.emailTaken,
      companyId: common.validation!.unknownReference,
      legacy: 'Something the UI has no code for',
    });
  });

  it('says a refinement of the contracts by its code in the browser too', () => {
    const result = personCreateSchema.safeParse({});
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issueText(issue)).toBe(common.validation!.identify);
  });
});
