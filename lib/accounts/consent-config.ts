// The versions of the documents a member agrees to, in one place. Raise a version when its text changes:
// every consent row records the version that was shown, so an old agreement stays attributable.
export const CONSENT_VERSIONS = {
  TERMS: "2026-12-01",
  PRIVACY: "2026-12-01",
  AGE_14: "2026-12-01",
  MARKETING: "2026-12-01",
} as const;

export type ConsentKindName = keyof typeof CONSENT_VERSIONS;
/** Without these three there is no account (terms, privacy collection and use, age 14 or over). */
export const REQUIRED_CONSENTS = ["TERMS", "PRIVACY", "AGE_14"] as const satisfies readonly ConsentKindName[];
