// The stand-in for Toss's payment widget: an order summary and three buttons (pay, card rejected, close
// window) that post back to the fake, which redirects with the widget's contract. Korean by default;
// English with ?lang=en or the shop's `locale=en` cookie.
import type { IncomingMessage } from "node:http";
import { escapeHtml } from "./http-util";
import type { WindowParams } from "./payment-window";

const text = {
  ko: {
    title: "결제하기 (테스트 결제창)",
    note: "Toss 결제위젯을 대신하는 로컬 테스트 결제창입니다. 실제 결제는 일어나지 않습니다.",
    order: "주문",
    amount: "결제 금액",
    buyer: "구매자",
    pay: "결제하기",
    reject: "카드 거절",
    cancel: "창 닫기",
    invalid: "결제 요청이 올바르지 않습니다",
  },
  en: {
    title: "Pay (test payment window)",
    note: "A local test window standing in for Toss's payment widget. No real money moves.",
    order: "Order",
    amount: "Amount",
    buyer: "Buyer",
    pay: "Pay",
    reject: "Card rejected",
    cancel: "Close window",
    invalid: "The payment request is not valid",
  },
};
type Lang = keyof typeof text;

export function pickLang(req: IncomingMessage, url: URL): Lang {
  const asked = url.searchParams.get("lang") ?? /(?:^|;\s*)locale=(ko|en)/.exec(req.headers.cookie ?? "")?.[1];
  return asked === "en" ? "en" : "ko";
}

const won = (amount: number) => `₩${amount.toLocaleString("ko-KR")}`;

function page(lang: Lang, title: string, body: string) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,sans-serif;background:#f2f4f6;margin:0;display:flex;justify-content:center;padding:40px 16px}
main{background:#fff;border-radius:16px;padding:28px;max-width:420px;width:100%;box-shadow:0 2px 12px #0001}
h1{font-size:20px;margin:0 0 8px}p.note{color:#6b7684;font-size:13px;margin:0 0 20px}
dl{display:grid;grid-template-columns:auto 1fr;gap:8px 16px;margin:0 0 24px}dt{color:#6b7684}dd{margin:0;text-align:right}
dd.amount{font-size:22px;font-weight:700}button{width:100%;padding:14px;border-radius:10px;border:0;font-size:16px;margin-top:8px;cursor:pointer}
.pay{background:#3182f6;color:#fff}.reject{background:#fee;color:#c00}.cancel{background:#e5e8eb;color:#333}ul{color:#c00}
</style></head><body><main>${body}</main></body></html>`;
}

export function renderCheckout(lang: Lang, p: WindowParams): string {
  const t = text[lang];
  const hidden = Object.entries(p)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(String(v))}">`)
    .join("");
  return page(
    lang,
    t.title,
    `<h1>${t.title}</h1><p class="note">${t.note}</p>
<dl><dt>${t.order}</dt><dd data-testid="order-name">${escapeHtml(p.orderName)}</dd>
${p.customerName ? `<dt>${t.buyer}</dt><dd>${escapeHtml(p.customerName)}</dd>` : ""}
<dt>${t.amount}</dt><dd class="amount" data-testid="amount">${won(p.amount)}</dd></dl>
<form method="post" action="/checkout">${hidden}<input type="hidden" name="lang" value="${lang}">
<button class="pay" name="action" value="pay">${t.pay}</button>
<button class="reject" name="action" value="reject">${t.reject}</button>
<button class="cancel" name="action" value="cancel">${t.cancel}</button></form>`,
  );
}

export function renderInvalid(lang: Lang, problems: string[]): string {
  const t = text[lang];
  return page(lang, t.invalid, `<h1>${t.invalid}</h1><ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ul>`);
}
