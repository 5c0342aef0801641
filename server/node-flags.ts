// The V8 heap settings of the production server. `npm start` (package.json; `npm run demo` runs it) and the Dockerfile pass the
// same flags; the benchmarks start the server with these. Keep the three in step.
// - A young generation of 32 MB semispaces (Node 20's default was 16): an opening allocates fast and dies
//   young; scavenges were 15 % of the server's CPU under bench:flash, 9 % with this.
// - Old space capped at 384 MB: the live heap of a server that has rendered the shop's pages is ~150 MB
//   plus the page micro-cache (PAGE_CACHE_MAX_BYTES, 64 MB) and Next's data cache (50 MB). Without a cap
//   V8 lets garbage pile up well past that before a full collection; with it, the whole process stays
//   under 512 MB at an opening (docs/benchmarks.md). A larger container can raise it.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32", "--max-old-space-size=384"];
