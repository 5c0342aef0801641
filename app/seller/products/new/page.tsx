import type { Metadata } from "next";
import { ProductForm } from "@/components/seller/product-form";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { getPageScope, scopeQuery } from "@/lib/seller/page-scope";
import { listCategories } from "@/lib/seller/queries";
import { roomCapDefaults } from "@/lib/waiting-room/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.products.create };
}

export default async function NewProductPage() {
  const scope = await getPageScope("/seller/products/new");
  const [categories, messages, locale] = await Promise.all([listCategories(), getMessages(), getLocale()]);
  return (
    <main className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{messages.seller.products.create}</h1>
      <ProductForm
        categories={categories.map((c) => ({ id: c.id, name: locale === "ko" ? c.nameKo : c.nameEn }))}
        query={scopeQuery(scope)}
        t={messages.seller}
        capDefaults={roomCapDefaults}
      />
    </main>
  );
}
