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
  'guardian.firstName',
  'guardian.lastName',
  'guardian.fullName',
  'guardian.phone',
  'guardian.email',
  'guardian.relation',
  'guardian2.firstName',
  'guardian2.lastName',
  'guardian2.fullName',
  'guardian2.phone',
  'guardian2.email',
  'guardian2.relation',
] as const;

/** The guardian columns of a child's row (issue 17): two guardians, `guardian` and `guardian2`. */
export const GUARDIAN_SLOTS = ['guardian', 'guardian2'] as const;
export type GuardianSlot = (typeof GUARDIAN_SLOTS)[number];
export const GUARDIAN_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'phone',
  'email',
  'relation',
] as const;
export type GuardianField = (typeof GUARDIAN_FIELDS)[number];

/** `guardian2.phone` → its slot and field; null for a target of the row's own person. */
export function guardianTarget(key: string): { slot: GuardianSlot; field: GuardianField } | null {
  const [slot, field] = key.split('.');
  if (!(GUARDIAN_SLOTS as readonly string[]).includes(slot ?? '')) return null;
  if (!(GUARDIAN_FIELDS as readonly string[]).includes(field ?? '')) return null;
  return { slot: slot as GuardianSlot, field: field as GuardianField };
}

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
  'guardian.firstName': 'Guardian: first name',
  'guardian.lastName': 'Guardian: last name',
  'guardian.fullName': 'Guardian: full name',
  'guardian.phone': 'Guardian: phone',
  'guardian.email': 'Guardian: email',
  'guardian.relation': 'Guardian: relation (mother, father …)',
  'guardian2.firstName': 'Second guardian: first name',
  'guardian2.lastName': 'Second guardian: last name',
  'guardian2.fullName': 'Second guardian: full name',
  'guardian2.phone': 'Second guardian: phone',
  'guardian2.email': 'Second guardian: email',
  'guardian2.relation': 'Second guardian: relation (mother, father …)',
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
  ...guardianAliases(),
};

/**
 * Headers of club exports for a child's guardians: "Parent phone", "Vårdnadshavare telefon",
 * "Телефон родителя" … and the same with 2 for the second guardian.
 */
function guardianAliases(): Record<`${GuardianSlot}.${GuardianField}`, string[]> {
  const who = {
    en: ['parent', 'guardian', 'parent 1', 'guardian 1'],
    sv: ['förälder', 'vårdnadshavare', 'målsman', 'förälder 1', 'vårdnadshavare 1'],
    pl: ['rodzica', 'opiekuna', 'rodzic', 'opiekun'],
    ru: ['родителя', 'родитель', 'опекуна', 'представителя'],
    uk: ['батьків', 'батька', 'опікуна', 'представника'],
  };
  const words: Record<
    GuardianField,
    { en: string[]; sv: string[]; pl: string[]; ru: string[]; uk: string[] }
  > = {
    firstName: {
      en: ['first name'],
      sv: ['förnamn'],
      pl: ['imię', 'imie'],
      ru: ['имя'],
      uk: ["ім'я", 'імʼя'],
    },
    lastName: {
      en: ['last name', 'surname'],
      sv: ['efternamn'],
      pl: ['nazwisko'],
      ru: ['фамилия'],
      uk: ['прізвище'],
    },
    fullName: {
      en: ['name', 'full name'],
      sv: ['namn'],
      pl: ['imię i nazwisko'],
      ru: ['фио', 'ф.и.о.'],
      uk: ['піб'],
    },
    phone: {
      en: ['phone', 'mobile'],
      sv: ['telefon', 'mobil', 'telefonnummer'],
      pl: ['telefon'],
      ru: ['телефон'],
      uk: ['телефон'],
    },
    email: {
      en: ['email', 'e-mail'],
      sv: ['e-post', 'epost', 'e-mail'],
      pl: ['e-mail', 'email'],
      ru: ['email', 'e-mail', 'почта'],
      uk: ['email', 'e-mail', 'пошта'],
    },
    relation: {
      en: ['relation', 'relationship'],
      sv: ['relation'],
      pl: ['relacja', 'stopień pokrewieństwa'],
      ru: ['кем приходится', 'степень родства'],
      uk: ['ким доводиться', 'ступінь спорідненості'],
    },
  };
  const out = {} as Record<`${GuardianSlot}.${GuardianField}`, string[]>;
  for (const field of GUARDIAN_FIELDS) {
    const first: string[] = [];
    const second: string[] = [];
    for (const lang of ['en', 'sv', 'pl', 'ru', 'uk'] as const) {
      for (const person of who[lang]) {
        for (const word of words[field][lang]) {
          // "Parent phone" / "Förälder telefon" and "Телефон родителя" / "Telefon rodzica".
          const pair =
            lang === 'ru' || lang === 'uk' || lang === 'pl'
              ? [`${word} ${person}`, `${person} ${word}`]
              : [`${person} ${word}`, `${person}s ${word}`];
          if (person.endsWith(' 1')) first.push(...pair);
          else {
            first.push(...pair);
            second.push(
              ...pair.map((a) => `${a} 2`),
              ...pair.map((a) => a.replace(person, `${person} 2`)),
            );
          }
        }
      }
    }
    // A lone "Relation" column can only be about the row's guardian.
    if (field === 'relation') first.push(...Object.values(words.relation).flat());
    out[`guardian.${field}`] = [...new Set(first)];
    out[`guardian2.${field}`] = [...new Set(second)];
  }
  return out;
}

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
