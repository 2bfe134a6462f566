// `npm run bench:scale`: the growth bench. Makes (once, then reuses) three data sets of one shape,
// S, M and L (1k, 10k and 100k requests: ~11k, ~110k and ~1.1M leads; `--xl` adds 1M requests), then
// times every hot path through the app's own use-cases for a busy and a typical actor at every size,
// interleaved: each round runs each path once per size, in a rotating order, so a shared machine's drift
// falls on every size alike. Prints p50 and p95 per size, the ratio of the largest size's p50 to the
// smallest's, and the plans (EXPLAIN ANALYZE, through auto_explain) of every path over 1.5×.
// Options: --rounds N (default 15), --only <substring>, --xl, --sizes S,M (a subset, for trying the bench out).
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { loadavg } from "node:os";
import { countRows, ensureDataSet, type Size } from "./generate.mjs";

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const ROUNDS = Number(opt("--rounds") ?? 15);
const ONLY = opt("--only");
const LIMIT = 1.5;
const sizes: Size[] = [
  { name: "S", requests: 1_000 },
  { name: "M", requests: 10_000 },
  { name: "L", requests: 100_000 },
  ...(args.includes("--xl") ? [{ name: "XL", requests: 1_000_000 }] : []),
].filter((s) => !opt("--sizes") || opt("--sizes")!.split(",").includes(s.name));

type Reply = { ok: true; ms: number; plans: string[] } | { ok: false; error: string };
function child(url: string, explain = false) {
  const p = fork(path.join(import.meta.dirname, "paths.mts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: url, DATABASE_POOL_SIZE: "4", SCALE_EXPLAIN: explain ? "1" : "0" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = new Promise<string[]>((resolve, reject) => {
    p.once("message", (m: { paths: string[] }) => resolve(m.paths));
    p.once("exit", (code) => reject(new Error(`paths.mts exited with ${code}`)));
  });
  const run = (pathName: string, who: string) =>
    new Promise<Reply>((resolve) => {
      p.once("message", (m: Reply) => resolve(m));
      p.send({ path: pathName, who });
    });
  return { p, ready, run };
}

const pctl = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

const urls: string[] = [];
for (const s of sizes) urls.push(await ensureDataSet(s));
for (const [i, s] of sizes.entries()) {
  const c = await countRows(urls[i]!);
  console.log(`${s.name.toUpperCase().padEnd(3)} ${Object.entries(c).map(([k, v]) => `${k} ${typeof v === "number" ? v.toLocaleString("en-US") : v}`).join(", ")}`);
}

const children = urls.map((u) => child(u));
const children_: ChildProcess[] = children.map((c) => c.p);
try {
  let names = (await Promise.all(children.map((c) => c.ready)))[0]!;
  if (ONLY) names = names.filter((n) => n.includes(ONLY));
  const whos = ["busy", "typical"] as const;
  const samples = new Map<string, number[][]>(); // key → per size
  const key = (n: string, w: string) => `${n} · ${w}`;
  for (const n of names) for (const w of whos) samples.set(key(n, w), sizes.map(() => []));
  const load0 = loadavg()[0]!;
  // Round 0 warms each process's pool, statement caches and the buffer cache; it is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    for (const n of names) {
      for (const w of whos) {
        for (let j = 0; j < sizes.length; j++) {
          const i = (j + round) % sizes.length;
          const r = await children[i]!.run(n, w);
          if (!r.ok) throw new Error(`${n} (${w}) at ${sizes[i]!.name}: ${r.error}`);
          if (round > 0) samples.get(key(n, w))![i]!.push(r.ms);
        }
      }
    }
  }

  const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(8);
  console.log(`\nGrowth bench: ${ROUNDS} interleaved rounds, load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}; times in ms (p50 / p95); ratio = p50 at ${sizes.at(-1)!.name.toUpperCase()} / p50 at ${sizes[0]!.name.toUpperCase()}`);
  console.log(`${"path · actor".padEnd(52)}${sizes.map((s) => `${s.name.toUpperCase()} p50`.padStart(9) + `p95`.padStart(8)).join("")}   ratio`);
  const over: { n: string; w: string }[] = [];
  for (const n of names) {
    for (const w of whos) {
      const per = samples.get(key(n, w))!;
      const p50 = per.map((xs) => pctl(xs, 0.5));
      const ratio = p50.at(-1)! / p50[0]!;
      // A path under a millisecond at every size is flat whatever its ratio says (timer and scheduling noise).
      const flat = ratio <= LIMIT || Math.max(...p50) < 1;
      if (!flat) over.push({ n, w });
      console.log(`${key(n, w).padEnd(52)}${per.map((xs) => f(pctl(xs, 0.5)) + " " + f(pctl(xs, 0.95)).slice(1)).join("")}   ${ratio.toFixed(2)}×${flat ? "" : "  ← over 1.5×"}`);
    }
  }
  console.log(`\n${over.length === 0 ? "Every path is within 1.5× from the smallest size to the largest." : `${over.length} path·actor pairs over 1.5×.`}`);

  if (over.length > 0 && !args.includes("--no-explain")) {
    const explain = child(urls.at(-1)!, true);
    children_.push(explain.p);
    await explain.ready;
    for (const { n, w } of over) {
      const r = await explain.run(n, w);
      console.log(`\n── plans at ${sizes.at(-1)!.name.toUpperCase()}: ${key(n, w)} ──`);
      // The statements that cost a millisecond or more: the ones the ratio is about.
      const slow = r.ok ? r.plans.filter((p) => Number(/duration: ([\d.]+) ms/.exec(p)?.[1] ?? 0) >= 1) : [];
      for (const plan of slow) console.log(plan.trim() + "\n");
    }
  }
} finally {
  for (const p of children_) p.kill();
}
