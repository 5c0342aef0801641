"use client";
// Product images: each file goes to POST /api/seller/uploads at once; the form keeps the returned URLs.
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { api } from "./api";
import { FieldErrors } from "@/components/ui/field";

type Props = { images: string[]; onChange: (images: string[]) => void; query: string; t: Messages["seller"]; errors?: string[] };

export function ImageUploader({ images, onChange, query, t, errors }: Props) {
  const [busy, setBusy] = useState(false);
  const [fileErrors, setFileErrors] = useState<string[]>();
  async function upload(file: File) {
    setBusy(true);
    setFileErrors(undefined);
    const form = new FormData();
    form.append("file", file);
    const res = await api<{ upload: { url: string } }>(`/api/seller/uploads${query}`, { form });
    setBusy(false);
    if (res.ok) onChange([...images, res.data.upload.url]);
    else setFileErrors(res.fields?.file ?? ["invalid"]);
  }
  return (
    <div className="space-y-2">
      <span className="block text-sm font-medium text-zinc-700">{t.form.images}</span>
      <div className="flex flex-wrap gap-2">
        {images.map((src) => (
          <div key={src} className="relative">
            {/* eslint-disable-next-line @next/next/no-img-element -- uploads are served by our own route */}
            <img src={src} alt="" className="h-24 w-24 rounded-lg border border-zinc-200 object-cover" data-testid="uploaded-image" />
            <button
              type="button"
              onClick={() => onChange(images.filter((i) => i !== src))}
              className="absolute right-1 top-1 rounded bg-white/90 px-1 text-xs"
              aria-label={t.form.removeImage}
            >
              ×
            </button>
          </div>
        ))}
      </div>
      <label className="inline-block cursor-pointer rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50">
        {busy ? t.form.uploading : t.form.upload}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className="sr-only"
          data-testid="image-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void upload(f);
            e.target.value = "";
          }}
        />
      </label>
      <p className="text-xs text-zinc-500">{t.form.imageHint}</p>
      <FieldErrors name="file" codes={fileErrors} messages={t.fieldErrors} />
      <FieldErrors name="images" codes={errors} messages={t.fieldErrors} />
    </div>
  );
}
