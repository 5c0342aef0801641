// One page's audit for the walk in e2e/a11y.spec.ts: axe (WCAG 2.1 A/AA rules; serious and critical
// violations fail) and the language check — the page's own words in the page's language. User-written text
// (elements marked data-user-content, and the product, shop and order names the database holds) is left
// out; so are <code> elements (Toss's error codes, quoted to support on purpose). And every form leaves
// validation to the shop: no browser bubbles.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export type Lang = "ko" | "en";

const HANGUL = /[\uAC00-\uD7A3\u3131-\u318E]+/g;
// Stored enum values and message keys that leaked into the UI instead of their words.
const RAW_CODE = /\b(?:[A-Z]{2,}(?:_[A-Z]{2,})+|DONE|PAID|ACTIVE|DRAFT|ARCHIVED|LIMITED|NORMAL|CANCELED|CANCELLED|SHIPPING|DELIVERED|RETURNED|EXPIRED|REQUESTED|FAILED|BUYER|SELLER)\b/g;
const MESSAGE_KEY = /\b(?:common|accounts|cart|codes|orders|payments|phone|seller|shop)\.[a-z][A-Za-z]*(?:\.[A-Za-z]+)*\b/g;
// English UI words that a Korean page should not show (user text aside), and "7d" / "9m" style units.
const ENGLISH_UI = /\b(?:Updated|Sign in|Sign out|Loading|Remaining|Sold out|Add to cart|Coming soon|Upcoming|On sale|Orders|Wishlist|Cart|Status|Submit|Save|Previous|Next|Refund|Payment)\b|\b\d+(?:d|m|s)\b/g;

/** The text a reader meets on the page: text nodes and the labels a screen reader speaks. */
async function pageWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // An element in another language on purpose (the language switch's "한국어", lang="ko") is not the page's words.
    const lang = document.documentElement.lang;
    const skip = (el: Element | null) => el?.closest(`[data-user-content], code, script, style, noscript, template, [lang]:not([lang="${lang}"])`);
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      if (text && !skip(n.parentElement)) out.push(text);
    }
    for (const el of Array.from(document.body.querySelectorAll("[aria-label], [placeholder], [title], img[alt]"))) {
      if (skip(el)) continue;
      for (const a of ["aria-label", "placeholder", "title", "alt"]) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    out.push(document.title);
    return out;
  });
}

export async function languageProblems(page: Page, lang: Lang, userStrings: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const raw of await pageWords(page)) {
    let text = raw;
    for (const u of userStrings) if (u.length >= 2 && text.includes(u)) text = text.split(u).join(" ");
    const hits = [...(text.match(RAW_CODE) ?? []), ...(text.match(MESSAGE_KEY) ?? []), ...(lang === "en" ? (text.match(HANGUL) ?? []) : (text.match(ENGLISH_UI) ?? []))];
    if (hits.length) problems.push(`${JSON.stringify(raw.slice(0, 120))} → ${hits.join(", ")}`);
  }
  return [...new Set(problems)];
}

export async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** Every form leaves validation to the shop (components/ui/form.tsx): a form without novalidate would show the browser's bubbles. */
export async function formProblems(page: Page): Promise<string[]> {
  return page.locator("form:not([novalidate])").evaluateAll((forms) => forms.map((f) => `form without novalidate: ${f.outerHTML.slice(0, 100)}`));
}
