/**
 * The reports benchmark's data, made in PostgreSQL by set-based statements (INSERT … SELECT
 * generate_series): 100,000 persons, 1,000,000 tasks over two years with results, templates,
 * assignees, branches and statuses, 50,000 deals over groups and owners, and the club system's
 * member records (contracts, visits, bookings), plus lead form submissions. Deterministic
 * (setseed), minutes not hours; the organization, its settings and staff come through the API.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export const SIZES = {
  persons: Number(process.env.BENCH_PERSONS ?? 100_000),
  tasks: Number(process.env.BENCH_TASKS ?? 1_000_000),
  deals: Number(process.env.BENCH_DEALS ?? 50_000),
  members: 20_000,
  visits: 400_000,
  bookings: 30_000,
  leads: 3_000,
};

export interface BenchOrg {
  orgId: string;
  userIds: string[];
}

/** Each step: one statement (or a few) on one connection, timed. */
async function step(client: pg.Client, what: string, text: string, values: unknown[] = []) {
  const t0 = performance.now();
  const res = await client.query(text, values);
  console.error(
    `  ${what}: ${res.rowCount ?? 0} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/** Fills the organization; `now` anchors "two years back" and "six months ahead". */
export async function generateReportData(url: string, org: BenchOrg, now: Date) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const o = org.orgId;
  const t0 = performance.now();
  try {
    await client.query('select setseed(0.42)');
    await client.query(
      `create temp table bench_users as
      select row_number() over (order by id) as n, id from users where org_id = $1`,
      [o],
    );
    await step(
      client,
      'branches',
      `insert into branches (org_id, name)
      select $1, 'Branch ' || g from generate_series(1, 3) g`,
      [o],
    );
    await client.query(
      `create temp table bench_branches as
      select row_number() over (order by id) as n, id from branches where org_id = $1`,
      [o],
    );
    await step(
      client,
      'groups',
      `insert into groups (org_id, name, type)
      select $1, 'Sales team ' || g, 'sales' from generate_series(1, 4) g`,
      [o],
    );
    await client.query(
      `create temp table bench_groups as
      select row_number() over (order by id) as n, id from groups where org_id = $1`,
      [o],
    );
    await step(
      client,
      'group members',
      `insert into group_members (org_id, group_id, user_id)
      select $1, g.id, u.id from bench_users u join bench_groups g on g.n = 1 + u.n % 4`,
      [o],
    );

    await step(
      client,
      'sources',
      `insert into lookups (org_id, kind, name, position)
      select $1, 'sources', s, i from unnest(array['Website', 'Instagram', 'Walk-in', 'Friend',
        'Google']) with ordinality as x(s, i)
      on conflict do nothing`,
      [o],
    );
    await client.query(
      `create temp table bench_sources as select row_number() over (order by id)
      as n, id from lookups where org_id = $1 and kind = 'sources'`,
      [o],
    );
    await client.query(
      `create temp table bench_statuses as select row_number() over
      (order by position, id) as n, id from contact_statuses where org_id = $1 and entity = 'person'`,
      [o],
    );

    // Persons: created over two years, a source, a status, a responsible, a branch each.
    await step(
      client,
      `${SIZES.persons} persons`,
      `insert into contacts (org_id, kind, first_name,
        last_name, display_name, sort_name, search_text, branch_id, responsible_id, source_id,
        status_id, created_at, updated_at)
      select $1, 'person', 'Anna' || g, 'Svensson', 'Anna' || g || ' Svensson',
        'anna' || g || ' svensson', 'anna' || g || ' svensson', b.id, u.id, so.id, st.id,
        $2::timestamptz - (random() * interval '730 days'), $2::timestamptz
      from generate_series(1, $3::int) g
      join bench_branches b on b.n = 1 + g % 3
      join bench_users u on u.n = 1 + g % (select count(*) from bench_users)
      left join bench_sources so on so.n = 1 + g % 7
      join bench_statuses st on st.n = 1 + g % (select count(*) from bench_statuses)`,
      [o, now, SIZES.persons],
    );
    await client.query(
      `create temp table bench_persons as
      select row_number() over (order by id) as n, id, created_at from contacts
      where org_id = $1 and kind = 'person'`,
      [o],
    );
    await client.query('create index on bench_persons (n)');

    // (template, result) pairs: a task takes one pair, and its result only once done.
    await client.query(
      `create temp table bench_pairs as
      select row_number() over (order by t.id, r.id) as n, t.id as template_id, t.type,
        r.id as result_id
      from task_templates t left join task_results r on r.org_id = t.org_id and r.template_id = t.id
      where t.org_id = $1 and t.type in ('call', 'client', 'internal')`,
      [o],
    );
    // Over two years; due within four days of creation; nearly all past ones done (some late),
    // part of the last week's open: so "overdue" is thousands, not hundreds of thousands.
    await step(
      client,
      `${SIZES.tasks} tasks`,
      `with s as (
        select g, $2::timestamptz - random() * interval '730 days' as created,
          random() as r1, random() as r2, random() as r3, random() as r4
        from generate_series(1, $3::int) g),
      x as (select *, created + r1 * interval '4 days' as due from s),
      d as (select *, case
          when due < $2::timestamptz - interval '7 days' and r2 < 0.99
            then least(due + r3 * interval '2 days', $2::timestamptz)
          when due < $2::timestamptz and r2 < 0.6 then due
        end as done from x)
      insert into tasks (org_id, type, template_id, contact_id, assignee_id, creator_id, due_at,
        completed_at, completed_by_id, result_id, status_id, branch_id, created_at, updated_at)
      select $1, p.type, p.template_id, case when p.type = 'internal' then null else c.id end,
        u.id, u.id, d.due, d.done, case when d.done is not null then u.id end,
        case when d.done is not null and d.r4 < 0.85 then p.result_id end,
        case when d.done is null and d.r4 < 0.8 then
          (select id from task_statuses where org_id = $1 order by position limit 1) end,
        b.id, d.created, coalesce(d.done, d.created)
      from d
      join bench_pairs p on p.n = 1 + d.g % (select count(*) from bench_pairs)
      join bench_persons c on c.n = 1 + (d.g::bigint * 7919) % (select count(*) from bench_persons)
      join bench_users u on u.n = 1 + d.g % (select count(*) from bench_users)
      join bench_branches b on b.n = 1 + d.g % 3`,
      [o, now, SIZES.tasks],
    );

    // Deals over the first pipeline's stages (open ones expected within ±6 months).
    await client.query(
      `create temp table bench_stages as
      select row_number() over (order by position, id) as n, id, pipeline_id, state, probability
      from deal_stages where org_id = $1 and archived_at is null
        and pipeline_id = (select id from pipelines where org_id = $1 order by position limit 1)`,
      [o],
    );
    await step(
      client,
      `${SIZES.deals} deals`,
      `with s as (
        select g, random() as r1, random() as r2, random() as r3 from generate_series(1, $3::int) g)
      insert into deals (org_id, title, person_id, amount,
        currency, expected_close_date, owner_id, group_id, branch_id, pipeline_id, stage_id,
        probability, closed_at, lost_reason_id, created_at, updated_at)
      select $1, 'Gold membership', c.id, 100 * (500 + (s.r1 * 12000)::int), 'SEK',
        case when st.state = 'open'
          then ($2::timestamptz + (s.r2 * 365 - 180) * interval '1 day')::date end,
        u.id, gr.id, b.id, st.pipeline_id, st.id, st.probability,
        case when st.state <> 'open' then $2::timestamptz - s.r2 * interval '700 days' end,
        case when st.state = 'lost' then (select id from deal_list_items
          where org_id = $1 and kind = 'lost-reasons' order by position limit 1) end,
        $2::timestamptz - s.r3 * interval '730 days', $2::timestamptz
      from s
      join bench_stages st on st.n = 1 + s.g % (select count(*) from bench_stages)
      join bench_persons c on c.n = 1 + (s.g::bigint * 104729) % (select count(*) from bench_persons)
      join bench_users u on u.n = 1 + s.g % (select count(*) from bench_users)
      join bench_groups gr on gr.n = 1 + s.g % 4
      join bench_branches b on b.n = 1 + s.g % 3`,
      [o, now, SIZES.deals],
    );

    // The club system: a source, members' contracts, visits and (trial) bookings.
    await step(
      client,
      'event source',
      `insert into event_sources (org_id, name, kind, secret_sealed)
      values ($1, 'Bench club system', 'generic', 'bench-not-a-secret')`,
      [o],
    );
    const source = `(select id from event_sources where org_id = $1 limit 1)`;
    await step(
      client,
      `${SIZES.members} contracts`,
      `insert into member_records (org_id, source_id,
        kind, external_id, member_external_id, contact_id, occurred_at, data)
      select $1, ${source}, 'contract', 'c' || g, 'm' || g, c.id, $2::timestamptz - interval '400 days',
        jsonb_build_object('externalId', 'c' || g, 'service', 'Gold', 'kind',
          case when g % 2 = 0 then 'fixed_term' else 'recurring' end, 'state', 'active',
          'startsOn', to_char($2::timestamptz - interval '400 days', 'YYYY-MM-DD'),
          'endsOn', to_char($2::timestamptz + (g % 120) * interval '1 day', 'YYYY-MM-DD'))
      from generate_series(1, $3::int) g
      join bench_persons c on c.n = g`,
      [o, now, SIZES.members],
    );
    await step(
      client,
      `${SIZES.visits} visits`,
      `insert into member_records (org_id, source_id, kind,
        external_id, member_external_id, contact_id, occurred_at, data)
      select $1, ${source}, 'visit', 'v' || g, 'm' || m, c.id, x.at,
        jsonb_build_object('externalId', 'v' || g, 'at', x.at)
      from generate_series(1, $3::int) g
      cross join lateral (select 1 + (g::bigint * 31) % $4::int as m,
        $2::timestamptz - (random() + 0 * g) * interval '120 days' as at) x
      join bench_persons c on c.n = x.m`,
      [o, now, SIZES.visits, SIZES.members],
    );
    await step(
      client,
      `${SIZES.bookings} bookings`,
      `insert into member_records (org_id, source_id,
        kind, external_id, member_external_id, contact_id, occurred_at, data)
      select $1, ${source}, 'booking', 'b' || g, 'm' || g, c.id, x.at - interval '3 days',
        jsonb_build_object('externalId', 'b' || g, 'className', 'Spinning', 'startsAt', x.at,
          'trial', g % 5 = 0, 'state', 'booked')
      from generate_series(1, $3::int) g
      cross join lateral (select $2::timestamptz + ((random() + 0 * g) * 60 - 50) * interval '1 day'
        as at) x
      join bench_persons c on c.n = $4::int + g`,
      [o, now, SIZES.bookings, SIZES.members],
    );
    await step(
      client,
      `${SIZES.leads} lead form submissions`,
      `insert into lead_form_submissions
        (org_id, form_id, contact_id, locale, data, submitted_at, first_contact_at)
      select $1, gen_random_uuid(), c.id, 'sv', '{}'::jsonb, c.created_at,
        case when g % 10 <> 0 then c.created_at + random() * interval '6 hours' end
      from generate_series(1, $2::int) g
      join bench_persons c on c.n = $3::int - g`,
      [o, SIZES.leads, SIZES.persons],
    );
    for (const table of ['contacts', 'tasks', 'deals', 'member_records', 'lead_form_submissions']) {
      await client.query(`vacuum analyze ${table}`);
    }
  } finally {
    await client.end();
  }
  console.error(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
