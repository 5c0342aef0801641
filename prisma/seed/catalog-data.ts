// The demo catalog, shared by the seed and by scripts/generate-product-images.ts. `key` is the stable
// identity of a row: product ids are derived from it, so re-seeding updates instead of duplicating.
export type Glyph = "shoe" | "shirt" | "device" | "mug";

export type SeedCategory = { slug: string; nameKo: string; nameEn: string; sort: number; glyph: Glyph };

/** open: selling now; upcoming: opens a few minutes after seeding; sold_out / ended: as named. */
export type DropKind = "open" | "upcoming" | "sold_out" | "ended";

export type SeedProduct = {
  key: string;
  category: string;
  name: string;
  description: string;
  price: number;
  units: number;
  /** Days before the seed run, so "newest" has a stable order. */
  ageDays: number;
  hue: number;
  /**
   * `room`: sold through its waiting room (the demo shows one; the others keep it off so journeys buy them straight).
   * phoneRequired: only buyers with a verified mobile number may order (lib/accounts/phone.ts).
   */
  drop?: { kind: DropKind; perBuyerLimit: number; room?: boolean; phoneRequired?: boolean };
  /**
   * A size run (docs/variants.md): one variant per value with `units[i]` pairs (their sum is `units`), and
   * `left[i]` still on sale when seeded (absent: as the drop's kind says).
   */
  sizes?: { axis: string; values: string[]; units: number[]; left?: number[] };
};

/** Sizes `from`..`to` by `step` (mm), as strings. */
const run = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => String(from + i * step));

export const seedCategories: SeedCategory[] = [
  { slug: "sneakers", nameKo: "스니커즈", nameEn: "Sneakers", sort: 1, glyph: "shoe" },
  { slug: "apparel", nameKo: "의류", nameEn: "Apparel", sort: 2, glyph: "shirt" },
  { slug: "tech", nameKo: "테크", nameEn: "Tech", sort: 3, glyph: "device" },
  { slug: "living", nameKo: "리빙", nameEn: "Living", sort: 4, glyph: "mug" },
];

const p = (key: string, category: string, name: string, description: string, price: number, units: number, ageDays: number, hue: number, drop?: SeedProduct["drop"]): SeedProduct => ({
  key, category, name, description, price, units, ageDays, hue, drop,
});

/** The sneakers' size runs: the flagship drop's popular middle sizes nearly gone, the others as delivered. */
const sizeRuns: Record<string, SeedProduct["sizes"]> = {
  "drop-aurora-runner": {
    axis: "사이즈", values: run(230, 300, 5),
    units: [2, 3, 5, 6, 8, 9, 10, 10, 10, 9, 8, 7, 6, 4, 3],
    left: [2, 3, 4, 3, 1, 0, 1, 0, 1, 2, 3, 5, 5, 4, 3],
  },
  "drop-midnight-high": { axis: "사이즈", values: run(240, 290, 5), units: [2, 3, 4, 5, 6, 7, 7, 6, 5, 3, 2] },
  "drop-cherry-low": { axis: "사이즈", values: run(230, 280, 10), units: [1, 1, 1, 1, 1, 1] },
  "trail-hiker": { axis: "사이즈", values: run(240, 290, 10), units: [8, 12, 18, 20, 14, 8] },
};

export const seedProducts: SeedProduct[] = [
  p("drop-aurora-runner", "sneakers", "오로라 러너 한정판", "새벽빛을 닮은 그라데이션 갑피와 가벼운 폼 중창. 단 100켤레만 선착순으로 판매합니다.", 189_000, 100, 0.1, 12, { kind: "open", perBuyerLimit: 2 }),
  p("drop-midnight-high", "sneakers", "미드나잇 하이탑", "밤하늘 색 스웨이드 하이탑. 오픈 시각에 맞춰 카운트다운이 끝나면 구매 버튼이 열립니다.", 219_000, 50, 0.05, 250, { kind: "upcoming", perBuyerLimit: 1, room: true }),
  p("drop-cherry-low", "sneakers", "체리 블라썸 로우", "벚꽃 시즌 한정 컬러웨이. 오픈 직후 모두 판매되었습니다.", 159_000, 6, 2, 340, { kind: "sold_out", perBuyerLimit: 2 }),
  p("drop-winter-parka", "apparel", "윈터 파카 2025 에디션", "지난 겨울 한정 판매했던 구스다운 파카. 판매가 종료되었습니다.", 329_000, 20, 9, 200, { kind: "ended", perBuyerLimit: 2 }),
  p("drop-verified-messenger", "apparel", "인증 회원 전용 메신저백", "휴대폰 인증을 마친 회원만 살 수 있는 한정판 메신저백. 인증된 번호 하나당 1개까지 구매할 수 있습니다.", 99_000, 30, 0.08, 150, { kind: "open", perBuyerLimit: 1, phoneRequired: true }),
  p("classic-canvas", "sneakers", "클래식 캔버스 스니커즈", "매일 신기 좋은 면 캔버스 스니커즈. 부드러운 안창으로 오래 걸어도 편안합니다.", 59_000, 300, 30, 45),
  p("trail-hiker", "sneakers", "트레일 하이커", "접지력 좋은 러그 솔과 방수 갑피로 가벼운 산행에 알맞은 신발입니다.", 139_000, 80, 25, 100),
  p("cloud-slip-on", "sneakers", "클라우드 슬립온", "끈 없이 신고 벗는 니트 슬립온. 통기성이 좋아 여름에도 쾌적합니다.", 79_000, 150, 14, 190),
  p("oversized-tee", "apparel", "오버사이즈 코튼 티셔츠", "두툼한 20수 면으로 만든 넉넉한 핏의 반팔 티셔츠.", 29_000, 500, 40, 30),
  p("fleece-hoodie", "apparel", "플리스 후디", "보송한 기모 안감의 후드 티셔츠. 간절기부터 겨울까지 입을 수 있어요.", 69_000, 200, 20, 280),
  p("wide-denim", "apparel", "와이드 데님 팬츠", "허리는 편하고 밑단은 넓게 떨어지는 워싱 데님.", 89_000, 120, 18, 215),
  p("wool-beanie", "apparel", "울 비니", "메리노 울 혼방 니트 비니. 따끔거리지 않는 부드러운 촉감.", 25_000, 0, 35, 5),
  p("rain-jacket", "apparel", "경량 레인 재킷", "작게 접어 가방에 넣을 수 있는 방수 재킷.", 119_000, 60, 10, 170),
  p("wireless-buds", "tech", "무선 이어버드 프로", "액티브 노이즈 캔슬링과 최대 30시간 재생을 지원하는 무선 이어폰.", 199_000, 90, 12, 220),
  p("mech-keyboard", "tech", "기계식 키보드 75%", "핫스왑 스위치와 알루미늄 하우징의 75% 배열 키보드.", 149_000, 40, 22, 260),
  p("smart-band", "tech", "스마트 밴드 5", "심박·수면 측정과 2주 배터리를 갖춘 가벼운 스마트 밴드.", 49_000, 250, 28, 150),
  p("power-bank", "tech", "보조배터리 10000mAh", "USB-C 고속 충전을 지원하는 손바닥만 한 보조배터리.", 35_000, 400, 45, 60),
  p("desk-lamp", "tech", "LED 데스크 램프", "색온도와 밝기를 조절할 수 있는 눈이 편한 책상 조명.", 54_000, 75, 16, 48),
  p("bt-speaker", "tech", "포터블 블루투스 스피커", "IPX7 방수와 360도 사운드의 휴대용 스피커.", 89_000, 0, 8, 320),
  p("ceramic-mug", "living", "핸드메이드 세라믹 머그", "장인이 손으로 빚은 350ml 머그. 하나하나 유약 무늬가 다릅니다.", 22_000, 180, 50, 20),
  p("linen-bedding", "living", "린넨 침구 세트", "사계절 쓰기 좋은 프렌치 린넨 이불 커버와 베개 커버 세트.", 159_000, 30, 6, 95),
  p("scented-candle", "living", "우디 향초", "시더우드와 바닐라 향의 소이 왁스 캔들. 약 45시간 연소.", 32_000, 220, 33, 35),
  p("glass-tumbler", "living", "이중 유리 텀블러", "뜨거운 음료도 손이 뜨겁지 않은 이중벽 유리컵 2개 세트.", 27_000, 140, 4, 185),
  p("cotton-towel", "living", "호텔 코튼 타월 4P", "도톰하고 흡수력 좋은 40수 코마사 타월 네 장.", 39_000, 260, 60, 200),
  p("plant-pot", "living", "테라코타 화분", "배수 구멍과 받침이 있는 지름 18cm 테라코타 화분.", 18_000, 90, 3, 15),
];
for (const sp of seedProducts) sp.sizes = sizeRuns[sp.key];

/** Where the generated images of a product live (public/products/<key>-<n>.svg). */
export const productImages = (key: string, count = 3) => Array.from({ length: count }, (_, i) => `/products/${key}-${i + 1}.svg`);
