import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers (docs/architecture.md), kept by the linter:
//   app/ → components/, lib/          routes only
//   components/ → lib/ (never the database client or Redis; types are fine)
//   lib/<domain>/ → other domains and the plumbing, never app/ or components/
//   plumbing (lib/jobs, lib/http, lib/db, lib/redis, …) → no domain at all
const DOMAINS = ["accounts", "admin", "auth", "cart", "catalog", "health", "mail", "orders", "payments", "seller", "sms", "stock", "waiting-room", "wishlist"];
const PLUMBING = ["lib/jobs/**", "lib/http.ts", "lib/body.ts", "lib/http/**", "lib/db.ts", "lib/redis/**", "lib/log.ts", "lib/errors.ts", "lib/env.ts", "lib/clock.ts", "lib/validation.ts", "lib/crypto/**", "lib/storage/**", "lib/i18n/**", "lib/metrics.ts", "lib/rate-limit.ts", "lib/action.ts", "lib/action-state.ts", "lib/limit.ts", "lib/micro-cache.ts", "lib/address-range.ts", "lib/client-address.ts"];

const noUi = [
  { group: ["@/app", "@/app/**"], message: "lib/ is below app/: move what both need into lib/." },
  { group: ["@/components", "@/components/**"], message: "lib/ is below components/: pass data, not UI." },
];
const noDataClient = [
  { group: ["@/lib/db", "@/lib/redis", "@/lib/redis/**", "@/lib/generated/**"], allowTypeImports: true, message: "Only lib/ talks to PostgreSQL and Redis: call a query or service in lib/<domain>/." },
];
const noDomain = [
  { group: DOMAINS.flatMap((d) => [`@/lib/${d}`, `@/lib/${d}/**`]), message: "Plumbing knows no domain: take what you need as an argument; wire domains together in worker/registry.ts." },
  { regex: `^(\\.\\./)+(${DOMAINS.join("|")})(/|$)`, message: "Plumbing knows no domain." },
];
const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

// One text rule (docs/security.md): every string the shop accepts goes through text() in lib/validation.ts
// (NFC, no control characters, a length cap). Not for the environment, nor Toss's own answers and its fake.
const oneTextRule = {
  "no-restricted-syntax": [
    "error",
    { selector: "CallExpression[callee.object.name='z'][callee.property.name='string']", message: "Use text() from @/lib/validation: NFC, no control characters, a length cap." },
  ],
};

// One way to make a form (docs/architecture.md): components/ui/form.tsx, which turns the browser's validation
// bubbles off and focuses the first invalid field. A rule's options are replaced, not merged, by a later
// config object, so the pages and components repeat the text rule's selector next to the form rule's.
const oneFormRule = {
  "no-restricted-syntax": [
    "error",
    ...oneTextRule["no-restricted-syntax"].slice(1),
    { selector: "JSXOpeningElement[name.name='form']", message: "Use <Form> from @/components/ui/form: the shop's field errors instead of the browser's bubbles, focus on the first invalid field." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { files: ["components/**/*.{ts,tsx}"], rules: restrict([...noDataClient, { group: ["@/app", "@/app/**"], message: "components/ is below app/." }]) },
  { files: ["app/**/*.{ts,tsx}"], ignores: ["app/**/*.test.ts"], rules: restrict(noDataClient) },
  { files: ["lib/**/*.{ts,tsx}"], ignores: ["**/*.test.ts"], rules: restrict(noUi) },
  { files: PLUMBING, ignores: ["**/*.test.ts"], rules: restrict([...noUi, ...noDomain]) },
  { files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"], ignores: ["**/*.test.ts", "lib/validation.ts", "lib/env.ts", "lib/payments/toss/**", "lib/payments/toss-fake/**"], rules: oneTextRule },
  { files: ["app/**/*.tsx", "components/**/*.tsx"], ignores: ["**/*.test.tsx", "components/ui/form.tsx"], rules: oneFormRule },
  // Every journey runs under the console watch (hydration errors, uncaught exceptions): e2e/support/test.ts.
  {
    files: ["e2e/**/*.spec.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "@playwright/test", importNames: ["test"], message: "Import test from ./support/test: every journey fails on console errors." }] }] },
  },
  // Sessions, credentials and sign-in live in lib/auth; accounts builds on them, never the reverse.
  { files: ["lib/auth/**"], ignores: ["**/*.test.ts"], rules: restrict([...noUi, { group: ["@/lib/accounts", "@/lib/accounts/**"], message: "lib/auth is below lib/accounts." }]) },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "e2e/artifacts/**"]),
]);
