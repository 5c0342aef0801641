// The `test` every journey imports: Playwright's, plus a watch on the browser console. Every page of the
// journey — the default `page`, and pages of contexts the journey opens itself with `browser.newContext()` —
// is watched for console errors and uncaught exceptions (`pageerror`: a React hydration error #418 is one),
// and the test fails after the journey, listing them. Nothing is allowed silently: the one allowed pattern
// is listed below with why.
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect };

export type ConsoleProblem = { kind: "console" | "pageerror"; url: string; text: string };

const ALLOWED: { pattern: RegExp; why: string }[] = [
  {
    // Chromium logs every 4xx answer to fetch() as a console error. The shop answers expected outcomes with a
    // 4xx by its API's contract (409 sold out or over the limit, 422 a form's field errors, 401 a guest), and
    // the journeys provoke them on purpose; the page shows them as messages. 5xx answers are never allowed.
    pattern: /^Failed to load resource: the server responded with a status of 4\d\d\b/,
    why: "an expected 4xx answer of the shop's API",
  },
];

export const allowedConsole = (text: string) => ALLOWED.some((a) => a.pattern.test(text));

function watchPage(page: Page, problems: ConsoleProblem[]) {
  page.on("console", (msg) => {
    if (msg.type() === "error" && !allowedConsole(msg.text())) problems.push({ kind: "console", url: page.url(), text: msg.text() });
  });
  page.on("pageerror", (err) => problems.push({ kind: "pageerror", url: page.url(), text: `${err.name}: ${err.message}` }));
}

function watchContext(context: BrowserContext, problems: ConsoleProblem[]) {
  for (const page of context.pages()) watchPage(page, problems);
  context.on("page", (page) => watchPage(page, problems));
}

/** Contexts a journey opens itself are watched too, for the length of the test. */
function watchNewContexts(browser: Browser, problems: ConsoleProblem[]): () => void {
  const original = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await original(...args);
    watchContext(context, problems);
    return context;
  };
  return () => {
    browser.newContext = original;
  };
}

export const test = base.extend<{ consoleProblems: ConsoleProblem[] }>({
  consoleProblems: [
    async ({ browser, context }, use) => {
      const problems: ConsoleProblem[] = [];
      watchContext(context, problems);
      const restore = watchNewContexts(browser, problems);
      // Restored by Playwright's own teardown order too: a failing journey still reaches the line after use.
      await use(problems);
      restore();
      expect(problems, "console errors and uncaught page errors during the journey").toEqual([]);
    },
    { auto: true },
  ],
});
