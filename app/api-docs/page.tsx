// /api-docs — the API reference, read from /api/openapi.json by Swagger UI (swagger-ui-dist, bundled from
// npm: no CDN). The viewer is a client chunk of this page alone, loaded after it renders, so the shop's
// pages and its hot paths never carry it.
import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/reference";
import { getMessages } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "API", robots: { index: false } };

export default async function ApiDocsPage() {
  const t = (await getMessages()).common;
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <h1 className="text-2xl font-bold">{t.apiDocsTitle}</h1>
      <p className="text-sm text-zinc-600">
        {t.apiDocsIntro}{" "}
        <a href="/api/openapi.json" className="font-medium text-brand-600 underline">
          /api/openapi.json
        </a>
      </p>
      <ApiReference url="/api/openapi.json" loading={t.apiDocsLoading} />
    </main>
  );
}
