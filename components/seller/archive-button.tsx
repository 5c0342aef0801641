"use client";
// Archive a product (DELETE) or put it back on sale (PATCH status ACTIVE).
import { useRouter } from "next/navigation";
import { api } from "./api";

export function ArchiveButton({ productId, archived, query, labels }: { productId: string; archived: boolean; query: string; labels: { archive: string; restore: string } }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-50"
      onClick={async () => {
        const url = `/api/seller/products/${productId}${query}`;
        const res = archived ? await api(url, { method: "PATCH", body: { status: "ACTIVE" } }) : await api(url, { method: "DELETE" });
        if (res.ok) router.refresh();
      }}
    >
      {archived ? labels.restore : labels.archive}
    </button>
  );
}
