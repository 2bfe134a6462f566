// Prisma 6.19 with the JavaScript schema engine: the CLI cannot download its Rust engines on these
// machines, so both migrate and the runtime client speak to PostgreSQL through @prisma/adapter-pg.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// The schema engine cannot read the catalog types "char" (oid 18) and name (oid 19); report them as text.
const asText = (oid: number) => (oid === 18 || oid === 19 ? pg.types.getTypeParser(25) : pg.types.getTypeParser(oid));

function pool(connectionString: string) {
  return new pg.Pool({
    connectionString,
    types: { getTypeParser: asText as never },
    // Without these the CLI lingers up to a minute after finishing.
    allowExitOnIdle: true,
    idleTimeoutMillis: 500,
    max: 3,
  });
}

// The stock connectToShadowDb drops the database while its pool still holds a connection.
class CliAdapter extends PrismaPg {
  constructor(private readonly url: string) {
    super(pool(url));
  }
  // The stock executeScript splits on every ";", which breaks PL/pgSQL bodies. One simple-protocol query
  // runs the whole migration in one implicit transaction instead.
  override async connect() {
    return wholeScripts(await super.connect());
  }

  override async connectToShadowDb() {
    const name = `shadow_${randomUUID().replace(/-/g, "")}`;
    const admin = pool(this.url);
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(this.url);
    u.pathname = `/${name}`;
    const shadow = new PrismaPg(pool(u.toString()));
    const adapter = wholeScripts(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  }
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
function wholeScripts(adapter: Adapter): Adapter {
  const client = adapter.underlyingDriver() as pg.Pool;
  adapter.executeScript = async (script: string) => {
    try {
      await client.query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.mts" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    return new CliAdapter(url);
  },
});
