"use client";
// Retry or discard one dead-letter job (admin).
import { useRouter } from "next/navigation";
import { api } from "./api";

export function DeadLetterActions({ id, labels }: { id: string; labels: { retry: string; discard: string } }) {
  const router = useRouter();
  const act = async (retry: boolean) => {
    const res = retry ? await api(`/api/admin/dead-letters/${id}/retry`, { method: "POST" }) : await api(`/api/admin/dead-letters/${id}`, { method: "DELETE" });
    if (res.ok || res.status === 404) router.refresh();
  };
  return (
    <div className="flex gap-2">
      <button type="button" onClick={() => act(true)} className="rounded border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-50">
        {labels.retry}
      </button>
      <button type="button" onClick={() => act(false)} className="rounded border border-red-200 px-2 py-1 text-xs text-red-700 hover:bg-red-50">
        {labels.discard}
      </button>
    </div>
  );
}
