import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveButton } from "@/components/seller/archive-button";
import { ProductForm } from "@/components/seller/product-form";
import { RestockForm } from "@/components/seller/restock-form";
import { VariantsEditor } from "@/components/seller/variants-editor";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { getPageScope, orNotFound, scopeQuery } from "@/lib/seller/page-scope";
import { listCategories } from "@/lib/seller/queries";
import { ownedProductOrThrow } from "@/lib/seller/scope";
import { idSchema } from "@/lib/validation";
import { getOptionsAndVariants } from "@/lib/variants/queries";
import { variantLabel } from "@/lib/variants/types";
import { roomCapDefaults } from "@/lib/waiting-room/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.products.edit };
}

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await getPageScope(`/seller/products/${id}`);
  if (!idSchema.safeParse(id).success) notFound();
  const product = await orNotFound(ownedProductOrThrow(scope, id));
  const [categories, messages, locale, opts] = await Promise.all([listCategories(), getMessages(), getLocale(), getOptionsAndVariants(id, product.price)]);
  const t = messages.seller;
  const query = scopeQuery(scope);
  return (
    <main className="max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{product.name}</h1>
        <div className="flex gap-2">
          <Link href={`/seller/products/${id}/monitor`} className="rounded-lg bg-ink px-3 py-2 text-sm font-medium text-white">
            {t.products.monitor}
          </Link>
          <Link href={`/seller/products/${id}/orders${query}`} className="rounded-lg border border-zinc-300 px-3 py-2 text-sm font-medium" data-testid="drop-orders-link">
            {t.flags.title}
          </Link>
          <ArchiveButton productId={id} archived={product.status === "ARCHIVED"} query={query} labels={{ archive: t.products.archive, restore: t.products.restore }} />
        </div>
      </div>
      <p className="text-sm text-zinc-600" data-testid="product-stock">
        {t.statuses[product.status]} · {t.products.available} {product.inventory?.available ?? 0} / {t.products.total} {product.inventory?.total ?? 0}
      </p>
      <section className="space-y-2 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
        <h2 className="font-semibold">{t.restock.title}</h2>
        <RestockForm
          productId={id}
          query={query}
          t={t}
          variants={opts.variants.map((v) => ({ id: v.id, label: variantLabel(opts.options, v.optionValues) ?? v.sku, available: v.available, total: v.total }))}
        />
      </section>
      <VariantsEditor
        productId={id}
        query={query}
        options={opts.options}
        variants={opts.variants}
        skuPrefix={product.name.replace(/[^A-Za-z0-9]+/g, "").slice(0, 6) || "SKU"}
        t={t}
      />
      <ProductForm
        key={`${product.updatedAt.toISOString()}-${product.inventory?.total}`}
        initial={{
          id, name: product.name, description: product.description, price: product.price, categoryId: product.categoryId, type: product.type,
          status: product.status, units: product.inventory?.total ?? 0, saleStartsAt: product.saleStartsAt?.toISOString() ?? null,
          saleEndsAt: product.saleEndsAt?.toISOString() ?? null, perBuyerLimit: product.perBuyerLimit, phoneRequired: product.phoneRequired, images: product.images,
          waitingRoom: product.waitingRoom, admissionRate: product.admissionRate, preQueueMinutes: product.preQueueMinutes,
          roomRangeCap: product.roomRangeCap, roomDeviceCap: product.roomDeviceCap,
        }}
        capDefaults={roomCapDefaults}
        categories={categories.map((c) => ({ id: c.id, name: locale === "ko" ? c.nameKo : c.nameEn }))}
        query={query}
        t={t}
      />
    </main>
  );
}
