// Importing the env module here validates the configuration when the app builds and when it starts.
import "./src/env.js";

/** @type {import("next").NextConfig} */
const config = {
  // Native database drivers stay outside the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project as its own tier (tsc --noEmit) before building.
  typescript: { ignoreBuildErrors: true },
  // Lets parallel builds (e.g. several developers' e2e runs on one machine) keep separate outputs.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

// Every build is `next build --webpack` (package.json, scripts/test-all.mjs, scripts/demo.mts, bench/pages.mts):
// webpack drops the unused parts of packages that declare no `sideEffects` (the tRPC client's WebSocket link,
// among others), which Turbopack ships. Measured with `npm run bench` (bench/pages.mts): the buyer's dashboard
// loads 163.6 KB of JavaScript from a webpack build against 172.1 KB from Turbopack, over the 170 KB budget.
// `ANALYZE=1 npx next build --webpack` writes treemaps of every bundle to <distDir>/analyze/. The analyzer is
// a devDependency, so it is loaded only when asked for (`next start` in production never imports it).
async function withAnalyzer(c) {
  if (process.env.ANALYZE !== "1") return c;
  const { default: bundleAnalyzer } = await import("@next/bundle-analyzer");
  return bundleAnalyzer({ enabled: true, openAnalyzer: false })(c);
}

export default await withAnalyzer(config);
