// The CSV edges a seller's spreadsheet produces (BOM, quotes, CRLF, Korean or English headers, stray blank
// lines) and the export's defence against formulas.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { courierByName, isTrackingNumber, trackingUrl } from "./couriers";
import { inertCell, parseShipmentCsv, toCsv } from "./csv";
import { MAX_CSV_ROWS, shipSchema } from "./schemas";

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.fields?.csv;
    throw e;
  }
  return null;
};

describe("parseShipmentCsv", () => {
  it("reads Excel's UTF-8 file: BOM, CRLF, quoted cells with commas and quotes, Korean header", () => {
    const csv = '\uFEFF주문번호,택배사,송장번호\r\nHU-aaaaaa,CJ대한통운,"1234-5678-9012"\r\n\r\n"HU-bbb""b",  롯데택배 ,"1,2"\r\n';
    expect(parseShipmentCsv(csv)).toEqual([
      { line: 2, orderId: "HU-aaaaaa", courier: "CJ대한통운", trackingNumber: "1234-5678-9012" },
      { line: 4, orderId: 'HU-bbb"b', courier: "롯데택배", trackingNumber: "1,2" },
    ]);
  });

  it("finds the columns by their names in any order, English too, and tolerates short rows", () => {
    const rows = parseShipmentCsv("Tracking Number,courier,Order ID,memo\n123456789012,cj,HU-cccccc,x\n,,HU-dddddd\n");
    expect(rows).toEqual([
      { line: 2, orderId: "HU-cccccc", courier: "cj", trackingNumber: "123456789012" },
      { line: 3, orderId: "HU-dddddd", courier: "", trackingNumber: "" },
    ]);
  });

  it("refuses a file without the columns, without rows, with a broken quote, or over the row cap", () => {
    expect(fieldOf(() => parseShipmentCsv("order,courier\nHU-1,cj\n"))).toEqual(["csv_header"]);
    expect(fieldOf(() => parseShipmentCsv("\uFEFF주문번호,택배사,송장번호\r\n"))).toEqual(["csv_empty"]);
    expect(fieldOf(() => parseShipmentCsv("\n\n"))).toEqual(["csv_empty"]);
    expect(fieldOf(() => parseShipmentCsv('주문번호,택배사,송장번호\nHU-1,"cj,123\n'))).toEqual(["csv_invalid"]);
    const big = "주문번호,택배사,송장번호\n" + "HU-aaaaaa,cj,123456789012\n".repeat(MAX_CSV_ROWS + 1);
    expect(fieldOf(() => parseShipmentCsv(big))).toEqual(["csv_too_many_rows"]);
    expect(parseShipmentCsv("주문번호,택배사,송장번호\n" + "HU-aaaaaa,cj,123456789012\n".repeat(MAX_CSV_ROWS))).toHaveLength(MAX_CSV_ROWS);
  });
});

describe("couriers and tracking numbers", () => {
  it("knows couriers by code and by name, checks each courier's lengths, and links to its tracking page", () => {
    expect(courierByName("CJ 대한통운")?.code).toBe("cj");
    expect(courierByName("korea post")?.code).toBe("epost");
    expect(courierByName("DHL")).toBeUndefined();
    expect(isTrackingNumber("epost", "1234567890123")).toBe(true);
    expect(isTrackingNumber("epost", "123456789012")).toBe(false);
    expect(isTrackingNumber("cj", "12345678901a")).toBe(false);
    expect(trackingUrl("logen", "12345678901")).toBe("https://www.ilogen.com/web/personal/trace/12345678901");
    expect(shipSchema.parse({ courier: "cj", trackingNumber: " 1234-5678 9012 " })).toEqual({ courier: "cj", trackingNumber: "123456789012" });
    expect(shipSchema.safeParse({ courier: "cj", trackingNumber: "12345" }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["trackingNumber", "invalid_tracking"]]);
    expect(shipSchema.safeParse({ courier: "ups", trackingNumber: "123456789012" }).error?.issues.map((i) => i.message)).toEqual(["unknown_courier"]);
  });
});

describe("toCsv", () => {
  it("writes a BOM and CRLF, quotes where needed, and makes formula-looking cells inert", () => {
    const csv = toCsv(["주문번호", "상품"], [["HU-1", '=HYPERLINK("http://evil","x")'], ["HU-2", "+1"], ["HU-3", "-2"], ["HU-4", "@SUM(A1)"], ["HU-5", "a,b\n\"c\""], ["HU-6", 45000]]);
    expect(csv.startsWith("\uFEFF주문번호,상품\r\n")).toBe(true);
    const back = parse(csv, { bom: true }) as string[][];
    expect(back.slice(1).map((r) => r[1])).toEqual(["'=HYPERLINK(\"http://evil\",\"x\")", "'+1", "'-2", "'@SUM(A1)", 'a,b\n"c"', "45000"]);
    expect(inertCell("\t=1")).toBe("'\t=1");
    expect(inertCell("HU-=1")).toBe("HU-=1");
  });
});
