// compose.yaml and the Dockerfile, checked without a Docker engine (none runs here): every command a
// service runs exists and finds what it imports in the image, every variable is one lib/env.ts reads,
// published ports, health checks and webhook/API addresses agree with what each process listens on, and
// uploads land on a volume the non-root user can write.
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

type Service = {
  image?: string;
  build?: { context: string; target: string };
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
};
const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = Object.entries(compose.services);
const ours = services.filter(([, s]) => s.build);

// ---- The Dockerfile: instructions (continuation lines joined) grouped by stage.
type Instruction = { op: string; args: string };
function dockerStages(text: string): Map<string, Instruction[]> {
  const stages = new Map<string, Instruction[]>();
  let current: Instruction[] = [];
  const lines = text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  for (const line of lines) {
    const [, op, args] = line.match(/^(\S+)\s+(.*)$/)!;
    if (op.toUpperCase() === "FROM") {
      current = [{ op: "FROM", args }];
      stages.set(args.match(/\bAS\s+(\S+)$/i)![1], current);
    } else current.push({ op: op.toUpperCase(), args });
  }
  return stages;
}
const stages = dockerStages(read("Dockerfile"));
const runtimeTargets = [...new Set(ours.map(([, s]) => s.build!.target))];
const runtime = (target: string) => stages.get(target)!;
const instr = (target: string, op: string) => runtime(target).filter((i) => i.op === op);
/** What a stage's ENV lines set. */
const stageEnv = (target: string) =>
  Object.fromEntries(instr(target, "ENV").flatMap((i) => [...i.args.matchAll(/(\w+)=(\S*)/g)].map((m) => [m[1], m[2]])));
/** Paths (relative to /app) a stage's COPY lines bring into the image. */
const copiedPaths = (target: string) =>
  instr(target, "COPY").flatMap((i) => {
    const parts = i.args.split(/\s+/).filter((p) => !p.startsWith("--"));
    const dest = parts.pop()!;
    return dest === "./" ? parts.map((p) => p.replace(/^\/app\//, "")) : [dest.replace(/^\/app\//, "").replace(/\/$/, "")];
  });
/** The development packages the runtime-deps stage keeps after pruning (`cp -a node_modules/x …`). */
const keptDevPackages = [...read("Dockerfile").matchAll(/node_modules\/(@?[\w.-]+)(?=[ /])/g)]
  .map((m) => m[1])
  .filter((name) => name !== "." && existsSync(join(root, "node_modules", name)));

// ---- lib/env.ts: the variables the shop reads (the schema's keys).
const envKeys = new Set([...read("lib/env.ts").matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]));
// Read by Node or Next themselves, not by the shop.
const platformVars = new Set(["NEXT_TELEMETRY_DISABLED"]);

const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string>; dependencies: Record<string, string> };

/** The file a service runs: the first non-flag argument of `node` (skipping --import's value). */
function entryPoint(command: string[]): string {
  expect(command[0], `${command.join(" ")}: runs node directly (no npm or npx in the image's way)`).toBe("node");
  for (let i = 1; i < command.length; i++) {
    if (command[i] === "--import") i++;
    else if (!command[i].startsWith("-")) return command[i];
  }
  throw new Error(`no entry point in ${command.join(" ")}`);
}
const importedLoaders = (command: string[]) => command.flatMap((a, i) => (command[i - 1] === "--import" ? [a] : []));

const packageName = (spec: string) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
const isBuiltin = (spec: string) => spec.startsWith("node:") || builtinModules.includes(spec.split("/")[0]);

/** The bare packages and the repository files an entry point loads (esbuild follows every static and literal dynamic import). */
async function importsOf(entry: string) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "silent",
    // tsconfig's "@/…" alias, which `packages: "external"` would otherwise take for a package name.
    plugins: [{
      name: "alias",
      setup(b) {
        b.onResolve({ filter: /^@\// }, (args) => b.resolve(`./${args.path.slice(2)}`, { kind: args.kind, resolveDir: root }));
      },
    }],
  });
  const inputs = Object.entries(result.metafile.inputs);
  const externals = inputs.flatMap(([, i]) => i.imports.filter((x) => x.external && !x.path.startsWith(".") && !isBuiltin(x.path)).map((x) => x.path));
  // An "@/…" esbuild left unresolved is still a repository file (the image must hold it too).
  const packages = new Set(externals.filter((x) => !x.startsWith("@/")).map(packageName));
  const files = [...inputs.map(([path]) => relative(root, join(root, path))), ...externals.filter((x) => x.startsWith("@/")).map((x) => x.slice(2))];
  return { packages, files };
}

const url = (s: string) => new URL(s);
const composeDefault = (value: string | number) => String(value).replace(/^\$\{\w+:-(.*)\}$/, "$1");

describe("compose.yaml and the Dockerfile", () => {
  it("build only targets the Dockerfile defines, each multi-stage, slim, and running as a non-root user", () => {
    expect(ours.length).toBeGreaterThan(0);
    for (const target of runtimeTargets) {
      expect(stages.has(target), `target ${target}`).toBe(true);
      expect(runtime(target)[0].args).toMatch(/^node:\S+-slim\b/);
      const user = instr(target, "USER").at(-1)?.args;
      expect(user, `${target} sets a USER`).toBeDefined();
      expect(["root", "0"]).not.toContain(user);
      // Built in earlier stages: the runtime stage copies results, it does not install or build.
      expect(instr(target, "RUN").some((i) => /npm (install|ci|run build)/.test(i.args)), `${target} builds nothing itself`).toBe(false);
    }
    expect(stages.size).toBeGreaterThan(1);
  });

  it("every service's command runs a file that is in the repository and in the image", () => {
    for (const [name, service] of ours) {
      const command = service.command ?? JSON.parse(instr(service.build!.target, "CMD").at(-1)!.args);
      const entry = entryPoint(command);
      expect(existsSync(join(root, entry)), `${name}: ${entry} exists`).toBe(true);
      const copied = copiedPaths(service.build!.target);
      expect(copied.some((p) => entry === p || entry.startsWith(`${p}/`)), `${name}: ${entry} is copied into the image`).toBe(true);
      for (const loader of importedLoaders(command)) {
        expect(pkg.dependencies[loader] ?? keptDevPackages.includes(loader), `${name}: --import ${loader} is installed in the image`).toBeTruthy();
      }
    }
  });

  it("the image's default command is the app service's, with npm start's heap flags", () => {
    const [, app] = ours.find(([name]) => name === "app")!;
    const cmd = JSON.parse(instr(app.build!.target, "CMD").at(-1)!.args);
    expect(app.command).toEqual(cmd);
    expect(pkg.scripts.start).toContain(cmd.slice(1).join(" "));
  });

  it("what each entry point imports is in the image: production dependencies, the kept tools, copied files", async () => {
    for (const [name, service] of ours) {
      const target = service.build!.target;
      const { packages, files } = await importsOf(entryPoint(service.command!));
      const copied = [...copiedPaths(target), "lib/generated"];
      for (const p of packages) expect(pkg.dependencies[p] ?? keptDevPackages.includes(p), `${name} imports ${p}`).toBeTruthy();
      // "server-only" throws outside Next's bundler unless the entry point registers the hook that empties it.
      if (packages.has("server-only")) expect(read(entryPoint(service.command!)), `${name} imports server-only`).toContain("server-only-hook");
      for (const f of files) expect(copied.some((c) => f === c || f.startsWith(`${c}/`)), `${name} loads ${f}`).toBe(true);
    }
  }, 60_000);

  it("every variable the services and the image set is one lib/env.ts reads", () => {
    for (const [name, service] of ours) {
      for (const key of Object.keys(service.environment ?? {})) expect(envKeys.has(key), `${name}: ${key} in lib/env.ts`).toBe(true);
    }
    for (const target of runtimeTargets) {
      for (const key of Object.keys(stageEnv(target))) expect(envKeys.has(key) || platformVars.has(key), `Dockerfile ENV ${key}`).toBe(true);
    }
    const interpolated = [...read("compose.yaml").matchAll(/\$\{(\w+)/g)].map((m) => m[1]);
    for (const key of interpolated) expect(envKeys.has(key), `\${${key}} in lib/env.ts`).toBe(true);
  });

  it("published ports, health checks, the webhook and the Toss addresses agree with what each process listens on", () => {
    const app = compose.services.app;
    const toss = compose.services.toss;
    const env = app.environment!;
    const published = (s: Service) => s.ports!.map((p) => p.split(":").map(Number) as [number, number]);
    const [[appHost, appContainer]] = published(app);
    const [[tossHost, tossContainer]] = published(toss);
    expect(appContainer).toBe(Number(env.PORT));
    expect(env.HOST, "the server listens on every interface of its container").toBe("0.0.0.0");
    expect(tossContainer).toBe(Number(toss.environment!.TOSS_FAKE_PORT));
    // The stand-in listens on every interface of its container (its default is 127.0.0.1).
    expect(toss.command!.join(" ")).toContain("--host 0.0.0.0");
    // The browser's addresses use the published ports; the server's use service names on the network.
    expect(url(composeDefault(env.APP_URL)).port).toBe(String(appHost));
    expect(url(composeDefault(env.TOSS_CHECKOUT_BASE_URL)).port).toBe(String(tossHost));
    const api = url(composeDefault(env.TOSS_API_BASE_URL));
    expect([api.hostname, Number(api.port)]).toEqual(["toss", tossContainer]);
    const webhook = url(toss.command![toss.command!.indexOf("--webhook-url") + 1]);
    expect([webhook.hostname, Number(webhook.port)]).toEqual(["app", appContainer]);
    expect(existsSync(join(root, "app", webhook.pathname, "route.ts")), `${webhook.pathname} is a route`).toBe(true);

    const probe = (s: Service) => url(s.healthcheck!.test!.join(" ").match(/http:\/\/[^'"\s]+/)![0]);
    const appProbe = probe(app);
    expect(Number(appProbe.port)).toBe(appContainer);
    expect(existsSync(join(root, "app", appProbe.pathname, "route.ts")), `${appProbe.pathname} is a route`).toBe(true);
    const tossProbe = probe(toss);
    expect(Number(tossProbe.port)).toBe(tossContainer);
    expect(read("lib/payments/toss-fake/routes.ts")).toContain(`"GET ${tossProbe.pathname}"`);
    const imageProbe = instr("app", "HEALTHCHECK").at(-1)!.args.match(/\/api\/[\w/-]+/)![0];
    expect(existsSync(join(root, "app", imageProbe, "route.ts")), `${imageProbe} is a route`).toBe(true);
  });

  it("uploads go to a named volume mounted at UPLOAD_DIR, a folder the image gives its non-root user", () => {
    const app = compose.services.app;
    const dir = String(app.environment!.UPLOAD_DIR);
    expect(dir.startsWith("/"), "UPLOAD_DIR is absolute (the working directory is not the user's)").toBe(true);
    const mount = app.volumes!.map((v) => v.split(":")).find(([, at]) => at === dir);
    expect(mount, `a volume on ${dir}`).toBeDefined();
    expect(compose.volumes).toHaveProperty(mount![0]);
    const target = app.build!.target;
    const user = instr(target, "USER").at(-1)!.args;
    expect(instr(target, "RUN").some((i) => i.args.includes(`mkdir -p ${dir}`) && i.args.includes(`chown ${user}:${user} ${dir}`))).toBe(true);
    expect(stageEnv(target).UPLOAD_DIR).toBe(dir);
    for (const [name, s] of services) {
      for (const v of s.volumes ?? []) {
        const [source] = v.split(":");
        if (!source.startsWith(".") && !source.startsWith("/")) expect(compose.volumes, `${name}'s volume ${source}`).toHaveProperty(source);
      }
    }
  });

  it("depends_on names services whose condition can be met: health checks for healthy, one-shot jobs for completed", () => {
    const hasHealthcheck = (s: Service) => (s.healthcheck ? !s.healthcheck.disable : Boolean(s.build && instr(s.build.target, "HEALTHCHECK").length));
    const oneShot = (s: Service) => !s.ports && s.healthcheck?.disable === true;
    for (const [name, service] of services) {
      for (const [dep, { condition }] of Object.entries(service.depends_on ?? {})) {
        const target = compose.services[dep];
        expect(target, `${name} depends on ${dep}`).toBeDefined();
        if (condition === "service_healthy") expect(hasHealthcheck(target), `${dep} has a health check`).toBe(true);
        if (condition === "service_completed_successfully") expect(oneShot(target), `${dep} is a one-shot job`).toBe(true);
      }
    }
    // A shop a person can pay in: migrated and seeded first, the payment stand-in up.
    expect(Object.keys(compose.services.app.depends_on!)).toEqual(expect.arrayContaining(["seed", "redis", "toss"]));
    expect(compose.services.seed.depends_on!.migrate.condition).toBe("service_completed_successfully");
  });

  it("the demo runs without a .env: demo mode by default, so the development secrets are accepted", () => {
    expect(composeDefault(compose.services.app.environment!.HURRYUP_DEMO)).toBe("1");
  });
});
