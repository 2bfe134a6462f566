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

// `ANALYZE=1 npx next build --webpack` writes treemaps of every bundle to <distDir>/analyze/. The analyzer is
// a devDependency, so it is loaded only when asked for (`next start` in production never imports it), and it
// hooks webpack: Turbopack builds, the default, ignore it.
async function withAnalyzer(c) {
  if (process.env.ANALYZE !== "1") return c;
  const { default: bundleAnalyzer } = await import("@next/bundle-analyzer");
  return bundleAnalyzer({ enabled: true, openAnalyzer: false })(c);
}

export default await withAnalyzer(config);
