import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL only: `otpgate_take_counts`, every rate-limit charge of a request in one statement (see
 * rate-limit/database-store.ts). The counters are upserted as before, in key order so that two requests
 * never wait on each other's locks in a circle; when any passes its limit the upsert is undone inside the
 * function (a block with an exception handler is a subtransaction), so a refused request leaves every
 * counter as it was, and the counts it saw are returned to say which limit refused. Before, this took
 * BEGIN, the upsert, and COMMIT or ROLLBACK: three round trips where this is one.
 *
 * SQLite runs the same upsert inside the connection's group commit, in process, and needs nothing here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create or replace function otpgate_take_counts(
      p_keys text[], p_costs integer[], p_limits integer[], p_expires bigint[], p_now bigint
    ) returns table (counter text, count integer, window_end bigint, refused boolean)
    language plpgsql as $$
    declare
      counters text[];
      counts integer[];
      window_ends bigint[];
      over_limit boolean := false;
    begin
      begin
        with wanted as (
          select * from unnest(p_keys, p_costs, p_limits, p_expires) as w(key, cost, most, expire)
        ), counted as (
          insert into rate_limits as r (key, points, expire)
          select w.key, w.cost, w.expire from wanted w order by w.key
          on conflict (key) do update set
            points = case when r.expire > p_now then r.points + excluded.points else excluded.points end,
            expire = case when r.expire > p_now then r.expire else excluded.expire end
          returning r.key, r.points, r.expire
        )
        select array_agg(c.key), array_agg(c.points), array_agg(c.expire), coalesce(bool_or(c.points > w.most), false)
          into counters, counts, window_ends, over_limit
          from counted c join wanted w on w.key = c.key;
        if over_limit then
          raise exception using errcode = 'OTPG1';
        end if;
      exception when sqlstate 'OTPG1' then
        -- The block's upsert is undone; the counts it saw stay in the variables.
        null;
      end;
      return query
        select t.counter, t.count, t.window_end, over_limit
        from unnest(counters, counts, window_ends) as t(counter, count, window_end);
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop function if exists otpgate_take_counts(text[], integer[], integer[], bigint[], bigint)`.execute(db);
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
