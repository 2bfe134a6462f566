import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x",
  NEXTAUTH_SECRET: "s".repeat(40),
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
};

/** Loads src/env.js in a fresh Node process with exactly these variables, as app start-up does. */
function loadEnv(vars: Record<string, string | undefined>) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "" } as unknown as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(vars)) if (v !== undefined) env[k] = v;
  return spawnSync(process.execPath, ["--input-type=module", "-e", "await import('./src/env.js'); console.log('env ok')"], {
    cwd: root,
    env,
    encoding: "utf8",
  });
}

describe("environment validation at start-up", () => {
  it("starts with a complete, valid configuration", () => {
    const r = loadEnv(valid);
    expect(r.stdout).toContain("env ok");
    expect(r.status).toBe(0);
  });

  it.each([
    ["DATABASE_URL", undefined],
    ["DATABASE_URL", "mysql://localhost/db"],
    ["NEXTAUTH_SECRET", "short"],
    ["ENCRYPTION_KEYS", "k1:not-32-bytes"],
    ["ENCRYPTION_KEYS", undefined],
    ["RELAY_DOMAIN", "not a domain"],
    ["RELAY_DOMAIN", "Relay.Example.com"],
  ])("stops and names %s when it is %s", (name, value) => {
    const r = loadEnv({ ...valid, [name]: value });
    expect(r.status).not.toBe(0);
    expect(r.stdout).not.toContain("env ok");
    expect(r.stderr).toContain(name);
  });

  it("takes a relay domain, and has a default that reaches nobody", () => {
    for (const RELAY_DOMAIN of ["relay.example.com", undefined]) expect(loadEnv({ ...valid, RELAY_DOMAIN }).stdout).toContain("env ok");
  });

  it("rejects a malformed flag by name", () => {
    const r = loadEnv({ ...valid, TRUST_PROXY: "maybe" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("TRUST_PROXY");
  });
});
