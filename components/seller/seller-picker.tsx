"use client";
// The admin's seller picker: remembered in a cookie so every seller page shows the chosen shop.
import { useRouter } from "next/navigation";

type Props = { sellers: { id: string; shopName: string }[]; current: string | null; label: string; all: string; cookie: string };

export function SellerPicker({ sellers, current, label, all, cookie }: Props) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-zinc-500">{label}</span>
      <select
        data-testid="seller-picker"
        className="rounded-lg border border-zinc-300 bg-white px-2 py-1"
        value={current ?? ""}
        onChange={(e) => {
          document.cookie = `${cookie}=${e.target.value}; path=/; samesite=lax; max-age=${e.target.value ? 86400 : 0}`;
          router.refresh();
        }}
      >
        <option value="">{all}</option>
        {sellers.map((s) => (
          <option key={s.id} value={s.id}>
            {s.shopName}
          </option>
        ))}
      </select>
    </label>
  );
}
