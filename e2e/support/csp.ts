// Content-Security-Policy violations in a journey: the `securitypolicyviolation` DOM event of every document
// the page loads, and Chromium's own console report of a blocked load. `test` from here watches its `page`
// throughout and fails the test on any violation, listing them, after the journey (pass or fail) ends.
// Chromium's complaints about the Permissions-Policy header (an unknown feature) count as well. Built on
// ./test, so the console watch of every journey applies here too.
import type { Page } from "@playwright/test";
import { test as base, expect } from "./test";

type Violation = { url: string; directive: string; blocked: string; sample: string };
export type PolicyWatch = { violations: Violation[]; consoleReports: string[] };

async function watchPolicy(page: Page): Promise<PolicyWatch> {
  const watch: PolicyWatch = { violations: [], consoleReports: [] };
  await page.exposeFunction("__reportCspViolation", (v: Violation) => watch.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (v: object) => void }).__reportCspViolation;
      void report({ url: e.documentURI, directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  page.on("console", (msg) => {
    if (/content.security.policy|permissions.policy/i.test(msg.text())) watch.consoleReports.push(msg.text());
  });
  return watch;
}

export const test = base.extend<{ policyWatch: PolicyWatch }>({
  policyWatch: [
    async ({ page }, use) => {
      const watch = await watchPolicy(page);
      await use(watch);
      expect(watch.violations, "CSP violations (securitypolicyviolation events)").toEqual([]);
      expect(watch.consoleReports, "CSP and Permissions-Policy reports on the console").toEqual([]);
    },
    { auto: true },
  ],
});
