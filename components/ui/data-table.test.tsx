// The table's columns decide the cells; the look decides the chrome once for all of them.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { DataTable } from "./data-table";

const rows = [
  { id: "a", name: "Shoe", price: 1000 },
  { id: "b", name: "Hat", price: 500 },
];

const render = (look: "card" | "compact", admin: boolean) =>
  renderToStaticMarkup(
    <DataTable
      look={look}
      testId="things"
      rowTestId="thing-row"
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { key: "name", header: "Name", cell: (r) => r.name },
        admin && { key: "id", header: "Id", cell: (r) => r.id },
        { key: "price", header: "Price", align: "right", className: "tabular-nums", cell: (r) => r.price },
      ]}
    />,
  );

describe("DataTable", () => {
  test("one header cell and one cell per row for each column given; a falsy column is left out", () => {
    expect(render("card", false)).not.toContain("Id");
    const html = render("card", true);
    expect(html.match(/<th /g)).toHaveLength(3);
    expect(html.match(/data-testid="thing-row"/g)).toHaveLength(2);
    expect(html).toContain('data-testid="things"');
    expect(html).toContain('<td class="px-4 py-2 text-right tabular-nums">1000</td>');
    expect(html).toContain('<th class="px-4 py-2 text-right">Price</th>');
  });

  test("the card look frames the table; the compact look adds no frame and no padding", () => {
    expect(render("card", false)).toMatch(/^<div class="overflow-x-auto rounded-2xl[^"]*"><table/);
    const compact = render("compact", false);
    expect(compact).toMatch(/^<table class="w-full text-sm"/);
    expect(compact).toContain("<td>Shoe</td>");
    expect(compact).toContain('<td class="text-right tabular-nums">500</td>');
  });
});
