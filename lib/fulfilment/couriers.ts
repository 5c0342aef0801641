// The couriers a seller ships with: a stable code (stored on the Shipment and used in CSV files), the
// names buyers and sellers know, the tracking page, and how long the courier's numbers are. No server
// code here: the buyer's order page and the seller's forms read it too.

export type Courier = { code: string; ko: string; en: string; trackingUrl: string; digits: readonly number[] };

// Lengths as the couriers print them on their waybills (digits only, after dropping spaces and hyphens).
export const couriers = [
  { code: "cj", ko: "CJ대한통운", en: "CJ Logistics", trackingUrl: "https://trace.cjlogistics.com/next/tracking.html?wblNo={n}", digits: [10, 12] },
  { code: "lotte", ko: "롯데택배", en: "Lotte Global Logistics", trackingUrl: "https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo={n}", digits: [12, 13] },
  { code: "hanjin", ko: "한진택배", en: "Hanjin", trackingUrl: "https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2={n}", digits: [10, 12] },
  { code: "epost", ko: "우체국택배", en: "Korea Post", trackingUrl: "https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1={n}", digits: [13] },
  { code: "logen", ko: "로젠택배", en: "Logen", trackingUrl: "https://www.ilogen.com/web/personal/trace/{n}", digits: [11] },
  { code: "coupang", ko: "쿠팡 로지스틱스", en: "Coupang Logistics", trackingUrl: "https://tracker.delivery/#/kr.coupangls/{n}", digits: [10, 11, 12, 13, 14] },
  { code: "kdexp", ko: "경동택배", en: "Kyungdong Express", trackingUrl: "https://kdexp.com/service/delivery/etc/delivery.do?barcode={n}", digits: [9, 10, 11, 12, 13, 14] },
] as const satisfies readonly Courier[];

export type CourierCode = (typeof couriers)[number]["code"];
export const courierCodes = couriers.map((c) => c.code) as [CourierCode, ...CourierCode[]];

export const courierOf = (code: string): Courier | undefined => couriers.find((c) => c.code === code);

/** A courier named the way a seller's spreadsheet might name it: its code or its Korean or English name. */
export function courierByName(name: string): Courier | undefined {
  const key = name.replace(/\s+/g, "").toLowerCase();
  return couriers.find((c) => [c.code, c.ko, c.en].some((n) => n.replace(/\s+/g, "").toLowerCase() === key));
}

/** Spaces and hyphens are how numbers get grouped on paper; the courier's systems know digits only. */
export const normalizeTrackingNumber = (n: string) => n.replace(/[\s-]/g, "");

export function isTrackingNumber(code: string, n: string): boolean {
  const c = courierOf(code);
  return !!c && /^\d+$/.test(n) && (c.digits as readonly number[]).includes(n.length);
}

/** The courier's own tracking page for this number (the number is digits only, so it needs no escaping). */
export function trackingUrl(code: string, n: string): string | null {
  const c = courierOf(code);
  return c ? c.trackingUrl.replace("{n}", encodeURIComponent(n)) : null;
}

export const courierName = (code: string, locale: "ko" | "en") => courierOf(code)?.[locale] ?? code;
