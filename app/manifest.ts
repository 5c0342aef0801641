// GET /manifest.webmanifest — the shop as an installable app: Korean name, brand colour, the icon set in
// public/icons/ (drawn by scripts/generate-icons.ts from public/icons/icon.svg).
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Hurry Up — 선착순 한정판",
    short_name: "Hurry Up",
    description: "선착순 한정판 드롭과 특가 상품을 만나는 곳",
    lang: "ko",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#f0442c",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
