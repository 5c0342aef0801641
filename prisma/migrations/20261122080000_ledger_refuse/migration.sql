-- Lets one SQL statement undo itself: the ledger's order statement (lib/orders/ledger.ts) calls this when a
-- guard held a line back, which aborts the statement and with it everything it wrote.
CREATE OR REPLACE FUNCTION hurryup_ledger_refuse(reason text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'HU409', MESSAGE = 'ledger_refused:' || reason;
END
$$;
