"use client";
// Main image with selectable thumbnails (buttons: keyboard-usable, the chosen one marked as pressed).
import Image from "next/image";
import { useState } from "react";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";

export function Gallery({ images, name, t }: { images: string[]; name: string; t: Messages["shop"] }) {
  const list = images.length ? images : ["/products/placeholder.svg"];
  const [index, setIndex] = useState(0);
  return (
    <section aria-label={t.gallery} className="space-y-3">
      <div className="relative aspect-square overflow-hidden rounded-2xl bg-neutral-100">
        <Image src={list[index]} alt={fill(t.imageAlt, { name, n: index + 1 })} fill priority sizes="(min-width: 768px) 50vw, 100vw" className="object-cover" data-testid="gallery-main" />
      </div>
      {list.length > 1 && (
        <div className="flex gap-2">
          {list.map((src, i) => (
            <button
              key={src}
              type="button"
              onClick={() => setIndex(i)}
              aria-pressed={i === index}
              aria-label={fill(t.showImage, { n: i + 1 })}
              className={`relative h-20 w-20 overflow-hidden rounded-lg border-2 ${i === index ? "border-brand-500" : "border-transparent opacity-70 hover:opacity-100"}`}
            >
              <Image src={src} alt="" fill sizes="80px" className="object-cover" />
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
