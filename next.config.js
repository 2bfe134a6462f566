// Importing the env module here validates the configuration when the app builds and when it starts.
import "./src/env.js";

/** @type {import("next").NextConfig} */
const config = {
  // Native database drivers stay outside the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
};

export default config;
