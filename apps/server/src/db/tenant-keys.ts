import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Tenant keys (decision 0006): every table has `org_id`, and every primary key, unique
 * constraint, unique index and foreign key of such a table includes it, so PostgreSQL refuses
 * a reference to another organization's row and each table can be distributed by `org_id`.
 * These tables are the explained exceptions; keep the list short.
 */
export interface TenantKeyException {
  /** Why this table may break the rule. */
  reason: string;
  /**
   * `global`: not a tenant table; its keys are not checked. `routing`: a tenant table that is
   * looked up before the organization is known, so the named keys may leave org_id out; every
   * other key and foreign key of it is checked like any tenant table's.
   */
  kind: 'global' | 'routing';
  globalKeys?: readonly string[];
}

export const TENANT_KEY_EXCEPTIONS: Readonly<Record<string, TenantKeyException>> = {
  organizations: {
    kind: 'global',
    reason: 'The tenant itself: its id is the value every org_id holds (distributed by id).',
  },
  login_emails: {
    kind: 'routing',
    reason: 'Login is by email alone, before the organization is known; it keeps an email unique.',
    globalKeys: ['login_emails_pkey'],
  },
  sessions: {
    kind: 'routing',
    reason: 'A request finds its session by the keyed hash of its cookie, before knowing the org.',
    globalKeys: ['sessions_pkey'],
  },
  login_challenges: {
    kind: 'routing',
    reason: 'The code step of a login finds its challenge by the hash of its cookie alone.',
    globalKeys: ['login_challenges_pkey'],
  },
  api_tokens: {
    kind: 'routing',
    reason: 'A request finds its API token by the token hash, before knowing the organization.',
    globalKeys: ['api_tokens_hash_unique'],
  },
  event_sources: {
    kind: 'routing',
    reason: 'A club system delivers to a URL naming its source alone, before the org is known.',
    globalKeys: ['event_sources_id_unique'],
  },
  lead_forms: {
    kind: 'routing',
    reason: 'A website visitor opens a lead form by its public id alone, before the org is known.',
    globalKeys: ['lead_forms_public_id_unique'],
  },
  calendar_feeds: {
    kind: 'routing',
    reason: 'A calendar app fetches a feed by its secret alone, with no organization in the URL.',
    globalKeys: ['calendar_feeds_token_unique'],
  },
  jobs: {
    kind: 'global',
    reason:
      'The job queue: workers claim due jobs of every organization with SKIP LOCKED, so it ' +
      'is one queue, not one per organization (on a distributed engine it stays on the ' +
      'coordinator).',
  },
};

/** The table every org_id points at, and its key. */
const TENANT_ROOT = { table: 'organizations', column: 'id' } as const;
const ORG_ID = 'org_id';

interface TableRow {
  table: string;
  hasOrgId: boolean;
  orgIdNotNull: boolean;
}

interface ConstraintRow {
  table: string;
  name: string;
  /** p primary key, u unique, x exclusion, f foreign key */
  type: 'p' | 'u' | 'x' | 'f';
  columns: string[];
  refTable: string | null;
  refColumns: string[];
  /** pg_constraint.confdeltype / confupdtype: a no action, r restrict, c cascade, n set null, d set default */
  onDelete: string;
  onUpdate: string;
  /** ON DELETE SET NULL (…) / SET DEFAULT (…) column list (PostgreSQL 15+); empty = all columns */
  setNullColumns: string[];
}

interface UniqueIndexRow {
  table: string;
  name: string;
  /** Key columns; an expression shows as null. */
  columns: Array<string | null>;
}

/** Column names of an attnum array, in order (works on int2[] and int2vector). */
const attnames = (rel: SQL, nums: SQL) => sql`to_json(array(
  select a.attname from unnest(${nums}::int2[]) with ordinality k(num, i)
  join pg_attribute a on a.attrelid = ${rel} and a.attnum = k.num order by k.i))`;

/** Both drivers answer `execute` with `{ rows }`. */
async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** One query after another: `db` may be a transaction, which runs one query at a time. */
async function readCatalog(db: Db, schema: string) {
  const tables = await rows<TableRow>(
    db,
    sql`select c.relname as "table", a.attname is not null as "hasOrgId",
          coalesce(a.attnotnull, false) as "orgIdNotNull"
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_attribute a
          on a.attrelid = c.oid and a.attname = ${ORG_ID} and a.attnum > 0 and not a.attisdropped
        where n.nspname = ${schema} and c.relkind in ('r', 'p') and not c.relispartition`,
  );
  const constraints = await rows<ConstraintRow>(
    db,
    sql`select c.relname as "table", con.conname as "name", con.contype::text as "type",
          ${attnames(sql`con.conrelid`, sql`con.conkey`)} as "columns",
          fc.relname as "refTable",
          ${attnames(sql`con.confrelid`, sql`con.confkey`)} as "refColumns",
          con.confdeltype::text as "onDelete", con.confupdtype::text as "onUpdate",
          ${attnames(sql`con.conrelid`, sql`con.confdelsetcols`)} as "setNullColumns"
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_class fc on fc.oid = con.confrelid
        where n.nspname = ${schema} and con.contype in ('p', 'u', 'x', 'f')`,
  );
  // Unique indexes made by CREATE UNIQUE INDEX (those behind a constraint are checked above).
  const uniqueIndexes = await rows<UniqueIndexRow>(
    db,
    sql`select c.relname as "table", ic.relname as "name",
          to_json(array(
            select a.attname from unnest(i.indkey::int2[]) with ordinality k(num, pos)
            left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.num
            where k.pos <= i.indnkeyatts order by k.pos)) as "columns"
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_class ic on ic.oid = i.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and i.indisunique
          and not exists (select 1 from pg_constraint con
                          where con.conindid = i.indexrelid and con.contype in ('p', 'u', 'x'))`,
  );
  return [tables, constraints, uniqueIndexes] as const;
}

const CONSTRAINT_WORDS = { p: 'primary key', u: 'unique constraint', x: 'exclusion constraint' };

function foreignKeyProblem(fk: ConstraintRow, tenantTables: Set<string>): string | undefined {
  const at = fk.columns.indexOf(ORG_ID);
  if (at < 0) return 'lacks org_id';
  const target = fk.refColumns[at];
  if (fk.refTable === TENANT_ROOT.table) {
    if (fk.columns.length !== 1 || target !== TENANT_ROOT.column) {
      return `must be (org_id) → ${TENANT_ROOT.table}(${TENANT_ROOT.column})`;
    }
  } else if (!fk.refTable || !tenantTables.has(fk.refTable)) {
    return `references ${fk.refTable ?? '?'}, which is not a tenant table`;
  } else if (target !== ORG_ID) {
    return `pairs org_id with ${fk.refTable}.${target ?? '?'} instead of its org_id`;
  }
  // A bare SET NULL / SET DEFAULT would reset org_id along with the reference.
  if ((fk.onDelete === 'n' || fk.onDelete === 'd') && !isSafeReset(fk.setNullColumns)) {
    return 'resets org_id on delete: name the column, e.g. ON DELETE SET NULL (x_id)';
  }
  if (fk.onUpdate === 'n' || fk.onUpdate === 'd') return 'resets org_id on update';
  return undefined;
}

const isSafeReset = (columns: string[]) => columns.length > 0 && !columns.includes(ORG_ID);

/**
 * Reads the catalog of `schema` and returns every breach of the tenant-key rule, one line
 * each (`table: what`); an empty list means the schema keeps it.
 */
export async function findTenantKeyProblems(
  db: Db,
  opts: { schema?: string; exceptions?: Readonly<Record<string, TenantKeyException>> } = {},
): Promise<string[]> {
  const exceptions = opts.exceptions ?? TENANT_KEY_EXCEPTIONS;
  const [tables, constraints, uniqueIndexes] = await readCatalog(db, opts.schema ?? 'public');
  const problems: string[] = [];
  const checked = new Set<string>();
  const tenantTables = new Set<string>();
  for (const t of tables) {
    const exception = exceptions[t.table];
    if (t.hasOrgId) tenantTables.add(t.table);
    if (exception?.kind === 'global') continue;
    if (!t.hasOrgId) {
      problems.push(`${t.table}: has no org_id and is not on the list of exceptions`);
      continue;
    }
    if (!t.orgIdNotNull) problems.push(`${t.table}: org_id may be null`);
    checked.add(t.table);
  }
  const globalKeys = (table: string) => exceptions[table]?.globalKeys ?? [];
  const seen = new Set<string>();
  for (const c of constraints) {
    seen.add(`${c.table}.${c.name}`);
    if (!checked.has(c.table) || globalKeys(c.table).includes(c.name)) continue;
    if (c.type === 'f') {
      const problem = foreignKeyProblem(c, tenantTables);
      if (problem) problems.push(`${c.table}: foreign key ${c.name} ${problem}`);
    } else if (!c.columns.includes(ORG_ID)) {
      problems.push(`${c.table}: ${CONSTRAINT_WORDS[c.type]} ${c.name} lacks org_id`);
    }
  }
  for (const i of uniqueIndexes) {
    seen.add(`${i.table}.${i.name}`);
    if (!checked.has(i.table) || globalKeys(i.table).includes(i.name)) continue;
    if (!i.columns.includes(ORG_ID))
      problems.push(`${i.table}: unique index ${i.name} lacks org_id`);
  }
  for (const table of checked) {
    const references = constraints.some(
      (c) => c.table === table && c.type === 'f' && c.refTable === TENANT_ROOT.table,
    );
    if (!references) problems.push(`${table}: org_id does not reference ${TENANT_ROOT.table}`);
    for (const key of globalKeys(table)) {
      if (!seen.has(`${table}.${key}`)) problems.push(`${table}: listed global key ${key} is gone`);
    }
  }
  return problems.sort();
}
