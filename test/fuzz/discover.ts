// What the fuzz suite attacks, found rather than listed: every route handler under app/api (its path from
// the folders, its methods from the module's exports), every server action in the production build's
// manifest, and the field names the shop's zod schemas know (so generated bodies come near the valid ones).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export type Segment = { kind: "static"; value: string } | { kind: "param"; name: string; catchAll: boolean; after: string };
export type RouteEndpoint = { kind: "route"; file: string; segments: Segment[]; methods: string[] };
export type ActionEndpoint = { kind: "action"; id: string; name: string; file: string; pages: Segment[][] };

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string, found: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, found);
    else found.push(p);
  }
  return found;
}

/** Folder names of an app path: route groups vanish, [x] and [...x] are parameters. */
export function segmentsOf(dirs: string[]): Segment[] {
  const out: Segment[] = [];
  for (const d of dirs) {
    if (/^\(.*\)$/.test(d)) continue;
    const m = /^\[(\.\.\.)?(\w+)\]$/.exec(d);
    const after = out.filter((s) => s.kind === "static").at(-1)?.value ?? "";
    out.push(m ? { kind: "param", name: m[2], catchAll: !!m[1], after } : { kind: "static", value: d });
  }
  return out;
}

/** The HTTP methods a route module exports (`export const GET`, `export async function POST`, `export { x as PATCH }`). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const part of m[1].split(",")) found.add(part.trim().split(/\s+as\s+/).at(-1)!);
  return HTTP_METHODS.filter((x) => found.has(x));
}

export function discoverRoutes(root: string): RouteEndpoint[] {
  const apiDir = join(root, "app", "api");
  return walk(apiDir)
    .filter((f) => /[/\\]route\.ts$/.test(f))
    .map((file) => {
      const dirs = relative(join(root, "app"), file).split(sep).slice(0, -1);
      return { kind: "route" as const, file: relative(root, file), segments: segmentsOf(dirs), methods: exportedMethods(readFileSync(file, "utf8")) };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

type Manifest = { node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }> };

/** Server actions of the production build, each with the pages that can run it (".next/server/server-reference-manifest.json"). */
export function discoverActions(root: string): ActionEndpoint[] {
  const manifest = JSON.parse(readFileSync(join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  return Object.entries(manifest.node)
    .map(([id, a]) => ({
      kind: "action" as const,
      id,
      name: a.exportedName ?? id,
      file: a.filename ?? "",
      // "app/(shop)/products/[id]/page" → the page's path segments
      pages: Object.keys(a.workers).filter((w) => w.startsWith("app/") && !w.includes("_not-found")).map((w) => segmentsOf(w.split("/").slice(1, -1))),
    }))
    .sort((a, b) => `${a.file}:${a.name}`.localeCompare(`${b.file}:${b.name}`));
}

/** Field names of every zod schema under lib/ (schemas.ts files and inline `key: z.`), for near-valid bodies. */
export function schemaKeys(root: string): string[] {
  const keys = new Set<string>();
  for (const file of walk(join(root, "lib"))) {
    if (!file.endsWith(".ts") || file.includes(".test.") || file.includes(`${sep}toss-fake${sep}`)) continue;
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/\b([a-zA-Z]\w*)\s*:\s*z\./g)) keys.add(m[1]);
    if (file.endsWith("schemas.ts")) for (const m of src.matchAll(/^\s+([a-zA-Z]\w*)\s*:/gm)) keys.add(m[1]);
  }
  // Upper-case names are environment variables (lib/env.ts), not request fields.
  return [...keys].filter((k) => !/^[A-Z0-9_]+$/.test(k)).sort();
}

export const pathLabel = (segments: Segment[]) => "/" + segments.map((s) => (s.kind === "static" ? s.value : s.catchAll ? `[...${s.name}]` : `[${s.name}]`)).join("/");
