// `npm run bench`: every bench/*.mts except this file (and _-prefixed scratch files), one after another,
// each in its own process.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith(".mts") && f !== "run.mts" && !f.startsWith("_")).sort();
let failed = 0;
for (const f of files) {
  console.log(`\n━━ ${f} ━━`);
  const r = spawnSync("npx", ["tsx", path.join(dir, f)], { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    failed++;
    console.error(`${f} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
