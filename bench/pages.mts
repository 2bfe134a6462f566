// Page performance: for the home page, the buyer's quote inbox, the dealer dashboard and the lender console,
// the mobile Lighthouse performance score, total blocking time, LCP, and the first-load JavaScript (gzipped
// size of every script the page's HTML loads, by tag or from its React payload), each beside its target. Runs `next start` against
// a fresh database seeded with the demo market; signed-in pages get the session cookie of a real sign-in.
// It reuses the build in NEXT_DIST_DIR (default .next) when that is newer than every source file (or always,
// with PAGES_BENCH_REUSE_BUILD=1, e.g. to measure an older build kept in its own folder), else builds.
// PAGES_BENCH_CHUNKS=1 also lists every script of each page with its gzipped size.
// PAGES_BENCH_RUNS (default 3) Lighthouse runs per page; the median score is printed, with its TBT and LCP.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { createMigratedDatabase, dropDatabase } from "../test/database";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PAGES_BENCH_PORT ?? 4180);
const base = `http://127.0.0.1:${port}`;
const distDir = process.env.NEXT_DIST_DIR || ".next";
const runs = Math.max(1, Number(process.env.PAGES_BENCH_RUNS ?? 3));
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSourceMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuild() {
  const buildId = path.join(root, distDir, "BUILD_ID");
  const sources = Math.max(newestSourceMtime(path.join(root, "src")), statSync(path.join(root, "next.config.js")).mtimeMs);
  if (existsSync(buildId) && process.env.PAGES_BENCH_REUSE_BUILD === "1") {
    console.log(`reusing the build in ${distDir} as asked (PAGES_BENCH_REUSE_BUILD=1), whatever its age`);
    return;
  }
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sources) {
    console.log(`reusing the build in ${distDir} (newer than every file in src/)`);
    return;
  }
  console.log(`building into ${distDir}…`);
  const r = spawnSync("npx", ["next", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, SKIP_ENV_VALIDATION: "1", NEXT_DIST_DIR: distDir } });
  if (r.status !== 0) throw new Error("next build failed");
}

async function waitForServer(child: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/auth/csrf`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not answer within two minutes");
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** next-auth's credentials sign-in, as the form does it: CSRF token, then the callback; returns the Cookie header. */
async function signIn(email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: "keyturn-demo-1", json: "true", callbackUrl: base }),
  });
  const cookies = [...jar, ...cookiesOf(res)];
  if (!cookies.some((c) => c.includes("session-token="))) throw new Error(`signing in ${email} gave no session cookie (status ${res.status})`);
  return cookies.join("; ");
}

/**
 * Gzipped bytes of every /_next/static script the page's HTML loads (what a first visit downloads): those in
 * script tags, and the client components' chunks that the React payload names (a webpack build names a
 * page's own chunks only there; the runtime fetches them before hydrating). Chunks loaded later, on
 * demand (React.lazy) or by link prefetching, are not first-load JavaScript and are not counted.
 */
async function firstLoadJsGzip(url: string, cookie?: string): Promise<number> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  const html = await res.text();
  // Modern browsers skip the nomodule polyfills, so they are not counted.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((t) => !/\snomodule/i.test(t));
  const tagged = tags.map((t) => /\ssrc="[^"]*?(\/_next\/static\/[^"]+\.js)"/.exec(t)?.[1]).filter((s): s is string => !!s);
  // (The polyfills' nomodule tag is taken out first: its quoted src would look like a payload entry.)
  const payload = [...html.replace(/<script[^>]*\snomodule[^>]*>/gi, "").matchAll(/\\?"(?:\/_next\/)?(static\/chunks\/[^"\\]+\.js)\\?"/g)].map((m) => `/_next/${m[1]}`);
  const srcs = new Set([...tagged, ...payload].map((s) => decodeURIComponent(s.replaceAll("&amp;", "&"))));
  let total = 0;
  const each: [number, string][] = [];
  for (const src of srcs) {
    const res = await fetch(new URL(src, base));
    if (res.status !== 200) throw new Error(`${src} answered ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    const gz = gzipSync(body, { level: 9 }).length;
    total += gz;
    each.push([gz, src]);
  }
  // PAGES_BENCH_CHUNKS=1 lists each script, largest first: where to look when a page is over its budget.
  if (process.env.PAGES_BENCH_CHUNKS === "1") for (const [gz, src] of each.sort((a, b) => b[0] - a[0])) console.log(`  ${(gz / 1024).toFixed(1).padStart(6)} KB  ${src}`);
  return total;
}

type Page = { name: string; path: string; cookie?: string; jsTarget: number };

async function measure(page: Page, chromePort: number) {
  const url = `${base}${page.path}`;
  const js = await firstLoadJsGzip(url, page.cookie);
  const results: { score: number; tbt: number; lcp: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await lighthouse(url, {
      port: chromePort,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
    });
    const lhr = r!.lhr;
    // PAGES_BENCH_SAVE=<folder> keeps each report, to see what blocks the main thread (bootup-time, long tasks).
    if (process.env.PAGES_BENCH_SAVE) {
      mkdirSync(process.env.PAGES_BENCH_SAVE, { recursive: true });
      writeFileSync(path.join(process.env.PAGES_BENCH_SAVE, `${page.name.replaceAll(" ", "-")}-${i + 1}.json`), JSON.stringify(lhr));
    }
    results.push({
      score: Math.round((lhr.categories.performance!.score ?? 0) * 100),
      tbt: lhr.audits["total-blocking-time"]!.numericValue ?? NaN,
      lcp: lhr.audits["largest-contentful-paint"]!.numericValue ?? NaN,
    });
  }
  const med = results.sort((a, b) => a.score - b.score)[Math.floor(results.length / 2)]!;
  console.log(
    `${page.name.padEnd(17)} perf ${String(med.score).padStart(3)} (target >= 90)  TBT ${String(Math.round(med.tbt)).padStart(5)} ms  ` +
      `LCP ${(med.lcp / 1000).toFixed(1)} s  first-load JS ${(js / 1024).toFixed(1)} KB gz (target <= ${page.jsTarget})` +
      (runs > 1 ? `  [scores ${results.map((x) => x.score).join(", ")}]` : ""),
  );
}

ensureBuild();
const db = await createMigratedDatabase("keyturn_bench_pages");
const env = {
  ...process.env,
  DATABASE_URL: db.url,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: base,
  ENCRYPTION_KEYS: `b1:${randomBytes(32).toString("base64")}`,
  NEXT_DIST_DIR: distDir,
};
let server: ChildProcess | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  const seed = spawnSync("npx", ["tsx", "prisma/seed.mts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (seed.status !== 0) throw new Error("seeding the bench database failed");
  // Ben's open request with one dealer quote: the buyer's inbox with something in it.
  Object.assign(process.env, { DATABASE_URL: db.url, SKIP_ENV_VALIDATION: "1" });
  const { dallasRequestWithQuote } = await import("../e2e/inbox/fixture");
  const { requestId } = await dallasRequestWithQuote("Accord");
  const { db: prisma } = await import("../src/server/db");
  await prisma.$disconnect();

  server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  await waitForServer(server);
  const [buyer, dealer, lender] = [await signIn("ben@demo.keyturn"), await signIn("dealer21@demo.keyturn"), await signIn("lender1@demo.keyturn")];
  const pages: Page[] = [
    { name: "home", path: "/", jsTarget: 120 },
    { name: "buyer inbox", path: `/customer/requests/${requestId}`, cookie: buyer, jsTarget: 170 },
    { name: "dealer dashboard", path: "/dealer", cookie: dealer, jsTarget: 170 },
    { name: "dealer analytics", path: "/dealer/analytics", cookie: dealer, jsTarget: 170 },
    { name: "lender console", path: "/lender", cookie: lender, jsTarget: 170 },
  ];
  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox"] });
  // One unmeasured visit per page so the first Lighthouse run does not pay for the server's cold start.
  for (const p of pages) await fetch(`${base}${p.path}`, { headers: p.cookie ? { cookie: p.cookie } : {} }).then((r) => r.text());
  console.log(`mobile Lighthouse ${runs > 1 ? `median of ${runs} runs` : "one run"} per page, ${base}`);
  for (const p of pages) await measure(p, chrome.port);
} finally {
  await chrome?.kill();
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await new Promise((r) => setTimeout(r, 500));
  await dropDatabase(db.name);
}
