import type { ContactKind, CustomField } from '@spotter/contracts';

/** Where a column may go, per kind; the key is what a mapping holds. */
const COMMON = [
  'phone',
  'phone2',
  'email',
  'email2',
  'note',
  'status',
  'responsible',
  'tags',
  'categories',
  'source',
  'branch',
] as const;

export const PERSON_TARGETS = [
  'firstName',
  'lastName',
  'fullName',
  ...COMMON,
  'birthDate',
  'street',
  'postalCode',
  'city',
  'country',
  'company',
  'consentEmail',
  'consentSms',
] as const;

export const COMPANY_TARGETS = [
  'name',
  'orgNumber',
  ...COMMON,
  'industry',
  'street',
  'postalCode',
  'city',
  'country',
  'visitingStreet',
  'visitingPostalCode',
  'visitingCity',
  'visitingCountry',
] as const;

export type BuiltinTarget = (typeof PERSON_TARGETS)[number] | (typeof COMPANY_TARGETS)[number];

export const SKIP_TARGET = 'skip';

const LABELS: Record<BuiltinTarget, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name (first and last)',
  name: 'Company name',
  orgNumber: 'Organization number',
  phone: 'Phone',
  phone2: 'Second phone',
  email: 'Email',
  email2: 'Second email',
  note: 'Note',
  status: 'Status (by name)',
  responsible: 'Responsible (staff email or name)',
  tags: 'Tags (separated by , or ;)',
  categories: 'Categories (separated by , or ;)',
  source: 'Source (by name)',
  branch: 'Branch (by name)',
  birthDate: 'Birth date',
  street: 'Street',
  postalCode: 'Postal code',
  city: 'City',
  country: 'Country',
  company: 'Company (by name)',
  consentEmail: 'Email marketing consent (yes/no)',
  consentSms: 'SMS marketing consent (yes/no)',
  industry: 'Industry (by name)',
  visitingStreet: 'Visiting address: street',
  visitingPostalCode: 'Visiting address: postal code',
  visitingCity: 'Visiting address: city',
  visitingCountry: 'Visiting address: country',
};

/** Column names people use for each target, in en, sv, pl, ru and uk (compared lower-case). */
const ALIASES: Record<BuiltinTarget, string[]> = {
  firstName: [
    'first name',
    'firstname',
    'given name',
    'förnamn',
    'imię',
    'imie',
    'имя',
    "ім'я",
    'імʼя',
    'ім’я',
  ],
  lastName: [
    'last name',
    'lastname',
    'surname',
    'family name',
    'efternamn',
    'nazwisko',
    'фамилия',
    'прізвище',
  ],
  fullName: [
    'name',
    'full name',
    'fullname',
    'namn',
    'fullständigt namn',
    'imię i nazwisko',
    'фио',
    'ф.и.о.',
    'пiб',
    'піб',
    'повне імʼя',
    "повне ім'я",
  ],
  name: [
    'name',
    'company',
    'company name',
    'företag',
    'företagsnamn',
    'namn',
    'firma',
    'nazwa',
    'nazwa firmy',
    'компания',
    'название',
    'компанія',
    'назва',
  ],
  orgNumber: [
    'org number',
    'organization number',
    'organisation number',
    'org nr',
    'orgnr',
    'organisationsnummer',
    'nip',
    'regon',
    'инн',
    'єдрпоу',
    'код єдрпоу',
  ],
  phone: [
    'phone',
    'telephone',
    'mobile',
    'mobile phone',
    'cell',
    'tel',
    'telefon',
    'mobil',
    'mobilnummer',
    'telefonnummer',
    'komórka',
    'telefon komórkowy',
    'телефон',
    'мобильный',
    'мобільний',
  ],
  phone2: [
    'phone 2',
    'phone2',
    'second phone',
    'other phone',
    'telefon 2',
    'telefon2',
    'телефон 2',
    'телефон2',
  ],
  email: [
    'email',
    'e-mail',
    'mail',
    'email address',
    'e-post',
    'epost',
    'e-postadress',
    'adres e-mail',
    'электронная почта',
    'почта',
    'ел. пошта',
    'електронна пошта',
    'пошта',
  ],
  email2: ['email 2', 'email2', 'e-mail 2', 'second email', 'e-post 2', 'почта 2', 'пошта 2'],
  note: [
    'note',
    'notes',
    'comment',
    'anteckning',
    'kommentar',
    'notatka',
    'uwagi',
    'komentarz',
    'примечание',
    'комментарий',
    'примітка',
    'коментар',
  ],
  status: ['status', 'статус'],
  responsible: [
    'responsible',
    'owner',
    'staff',
    'ansvarig',
    'odpowiedzialny',
    'opiekun',
    'ответственный',
    'відповідальний',
  ],
  tags: ['tags', 'tag', 'taggar', 'tagg', 'tagi', 'теги', 'тег', 'мітки', 'теґи'],
  categories: [
    'categories',
    'category',
    'kategorier',
    'kategori',
    'kategorie',
    'kategoria',
    'категории',
    'категория',
    'категорії',
    'категорія',
  ],
  source: ['source', 'lead source', 'origin', 'källa', 'źródło', 'zrodlo', 'источник', 'джерело'],
  branch: [
    'branch',
    'club',
    'location',
    'filial',
    'anläggning',
    'klubb',
    'oddział',
    'filia',
    'klub',
    'филиал',
    'клуб',
    'філія',
  ],
  birthDate: [
    'birth date',
    'birthdate',
    'date of birth',
    'birthday',
    'dob',
    'födelsedatum',
    'födelsedag',
    'data urodzenia',
    'дата рождения',
    'день рождения',
    'дата народження',
  ],
  street: [
    'street',
    'address',
    'street address',
    'gata',
    'gatuadress',
    'adress',
    'ulica',
    'adres',
    'улица',
    'адрес',
    'вулиця',
    'адреса',
  ],
  postalCode: [
    'postal code',
    'postcode',
    'post code',
    'zip',
    'zip code',
    'postnummer',
    'kod pocztowy',
    'индекс',
    'почтовый индекс',
    'поштовий індекс',
    'індекс',
  ],
  city: ['city', 'town', 'ort', 'postort', 'stad', 'miasto', 'miejscowość', 'город', 'місто'],
  country: ['country', 'land', 'kraj', 'państwo', 'страна', 'країна'],
  company: [
    'company',
    'employer',
    'företag',
    'arbetsgivare',
    'firma',
    'pracodawca',
    'компания',
    'компанія',
  ],
  consentEmail: [
    'email consent',
    'consent email',
    'newsletter',
    'samtycke e-post',
    'zgoda e-mail',
    'zgoda email',
    'согласие email',
    'согласие на email',
    'згода email',
    'згода на email',
  ],
  consentSms: [
    'sms consent',
    'consent sms',
    'samtycke sms',
    'zgoda sms',
    'согласие sms',
    'согласие на sms',
    'згода sms',
    'згода на sms',
  ],
  industry: ['industry', 'sector', 'bransch', 'branża', 'branza', 'отрасль', 'галузь'],
  visitingStreet: [
    'visiting street',
    'visiting address',
    'besöksadress',
    'adres wizyty',
    'фактический адрес',
    'фактична адреса',
  ],
  visitingPostalCode: ['visiting postal code', 'besökspostnummer'],
  visitingCity: ['visiting city', 'besöksort'],
  visitingCountry: ['visiting country', 'besöksland'],
};

export interface TargetItem {
  key: string;
  label: string;
  custom: boolean;
}

export function builtinTargets(kind: ContactKind): readonly BuiltinTarget[] {
  return kind === 'person' ? PERSON_TARGETS : COMPANY_TARGETS;
}

export function targetItems(kind: ContactKind, fields: CustomField[]): TargetItem[] {
  return [
    ...builtinTargets(kind).map((key) => ({ key, label: LABELS[key], custom: false })),
    ...fields.map((f) => ({ key: `cf:${f.id}`, label: f.name, custom: true })),
  ];
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/[:*]+$/, '');

/** Header names matched case-insensitively to targets (and custom fields by their name). */
export function suggestMapping(
  kind: ContactKind,
  headers: string[],
  fields: CustomField[],
): Record<string, string> {
  const byAlias = new Map<string, string>();
  for (const f of fields) byAlias.set(norm(f.name), `cf:${f.id}`);
  for (const key of builtinTargets(kind)) {
    for (const alias of [key, LABELS[key], ...ALIASES[key]]) {
      if (!byAlias.has(norm(alias))) byAlias.set(norm(alias), key);
    }
  }
  const used = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    const target = byAlias.get(norm(header));
    if (target && !used.has(target)) {
      used.add(target);
      mapping[header] = target;
    } else {
      mapping[header] = SKIP_TARGET;
    }
  }
  return mapping;
}

export function isKnownTarget(kind: ContactKind, key: string, fields: CustomField[]): boolean {
  if (key === SKIP_TARGET) return true;
  if (key.startsWith('cf:')) return fields.some((f) => `cf:${f.id}` === key);
  return (builtinTargets(kind) as readonly string[]).includes(key);
}

/** Targets that alone identify a contact (C-1: a name, a phone or an email). */
export const IDENTIFYING_TARGETS: ReadonlySet<string> = new Set([
  'firstName',
  'lastName',
  'fullName',
  'name',
  'phone',
  'phone2',
  'email',
  'email2',
]);
