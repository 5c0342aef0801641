// Prints the hash of the build's inputs (scripts/lib/source-hash.ts); scripts/demo.sh compares it with the
// one kept beside the last build to skip building again.
import { resolve } from "node:path";
import { sourceHash } from "./lib/source-hash";

process.stdout.write(`${sourceHash(resolve(import.meta.dirname, ".."), process.env)}\n`);
