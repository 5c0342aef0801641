// "A write that a 4xx should have prevented": a row trigger on every table of the fuzzed database appends
// (table, operation) to fuzz_write_log inside the writer's own transaction — so a write that was rolled
// back leaves no entry, and one that committed always does. The suite sends one request at a time and
// reads the entries that appeared while it ran. Installed only in the suite's own database.
import pg from "pg";

const INSTALL = `
CREATE TABLE IF NOT EXISTS fuzz_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, cols text NOT NULL DEFAULT '');
CREATE OR REPLACE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text := '';
BEGIN
  -- For an UPDATE, the columns it changed: bookkeeping (a session's lastSeenAt) is told apart from a real
  -- change, and an UPDATE that changed nothing (the same value written again) is no write at all.
  IF TG_OP = 'UPDATE' THEN
    SELECT coalesce(string_agg(n.key, ',' ORDER BY n.key), '') INTO changed FROM jsonb_each(to_jsonb(NEW)) n WHERE n.value IS DISTINCT FROM to_jsonb(OLD) -> n.key;
    IF changed = '' THEN RETURN NULL; END IF;
  END IF;
  INSERT INTO fuzz_write_log (tbl, op, cols) VALUES (TG_TABLE_NAME, TG_OP, changed);
  RETURN NULL;
END $$;
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('fuzz_write_log', '_prisma_migrations') LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER fuzz_write AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION fuzz_log_write()', t.tablename);
  END LOOP;
END $$;`;

export class WriteLog {
  private constructor(private readonly client: pg.Client) {}

  static async install(url: string): Promise<WriteLog> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(INSTALL);
    return new WriteLog(client);
  }

  /** The position to compare against after a request. */
  async mark(): Promise<number> {
    const { rows } = await this.client.query<{ id: string | null }>("SELECT max(id) AS id FROM fuzz_write_log");
    return Number(rows[0].id ?? 0);
  }

  /** "Table OP" (and for UPDATE the changed columns, "Session UPDATE lastSeenAt") for every row written since `mark`, counted. */
  async since(mark: number): Promise<Map<string, number>> {
    const { rows } = await this.client.query<{ w: string; n: string }>("SELECT trim(tbl || ' ' || op || ' ' || cols) AS w, count(*) AS n FROM fuzz_write_log WHERE id > $1 GROUP BY 1", [mark]);
    return new Map(rows.map((r) => [r.w, Number(r.n)]));
  }

  close = () => this.client.end();
}
