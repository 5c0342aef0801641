// Locales of the shop UI. Korean by default; English on request (a cookie set by the language switch).
export const locales = ["ko", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ko";
export const localeCookie = "locale";

export const isLocale = (v: unknown): v is Locale => locales.includes(v as Locale);
