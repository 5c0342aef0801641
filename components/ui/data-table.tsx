// A table described by its columns; the look decides the chrome (frame, header shade, rules, padding) once
// for every header and cell. Server and client components alike: columns are plain render functions.
import clsx from "clsx";

export type Column<T> = {
  key: string;
  header?: React.ReactNode;
  cell: (row: T) => React.ReactNode;
  align?: "right";
  /** Classes for this column's body cells. */
  className?: string;
  /** Classes for this column's header cell (widths, say). */
  headerClassName?: string;
};

type Look = { frame?: string; table: string; head?: string; headRow?: string; body?: string; row?: string; cell?: string };

const looks = {
  /** A framed white card that scrolls sideways on narrow screens (seller and admin lists). */
  card: {
    frame: "overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm",
    table: "w-full text-sm",
    head: "bg-zinc-50 text-left text-zinc-500",
    body: "divide-y divide-zinc-100",
    cell: "px-4 py-2",
  },
  /** The card's look on the table itself, without the frame. */
  sheet: { table: "w-full rounded-2xl bg-white text-sm shadow-sm", head: "bg-zinc-50 text-left text-zinc-500", body: "divide-y divide-zinc-100", cell: "px-4 py-2" },
  /** Unpadded rows inside a card that already has its own padding. */
  compact: { table: "w-full text-sm", head: "text-left text-zinc-500" },
  /** Fixed columns with a rule under each row, cells aligned to the top (long text). */
  ruled: { table: "w-full table-fixed border-collapse text-left text-sm", headRow: "border-b border-neutral-300", row: "border-b border-neutral-100 align-top", cell: "py-2" },
} satisfies Record<string, Look>;

type Props<T> = {
  /** A falsy entry is a column left out (e.g. one only admins see). */
  columns: (Column<T> | false | null | undefined)[];
  rows: readonly T[];
  rowKey: (row: T) => React.Key;
  look?: keyof typeof looks;
  testId?: string;
  rowTestId?: string;
};

export function DataTable<T>({ columns, rows, rowKey, look = "card", testId, rowTestId }: Props<T>) {
  const s: Look = looks[look];
  const cols = columns.filter((c): c is Column<T> => !!c);
  const cellClass = (c: Column<T>, extra?: string) => clsx(s.cell, c.align === "right" && "text-right", extra) || undefined;
  const table = (
    <table className={s.table} data-testid={testId}>
      <thead className={s.head}>
        <tr className={s.headRow}>
          {cols.map((c) => (
            <th key={c.key} className={cellClass(c, c.headerClassName)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={s.body}>
        {rows.map((r) => (
          <tr key={rowKey(r)} className={s.row} data-testid={rowTestId}>
            {cols.map((c) => (
              <td key={c.key} className={cellClass(c, c.className)}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return s.frame ? <div className={s.frame}>{table}</div> : table;
}
