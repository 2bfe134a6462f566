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

export default config;
