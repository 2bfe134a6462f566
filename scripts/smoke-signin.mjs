// Signs a demo user in over plain HTTP and checks their area renders: the CI smoke for `npm run demo`.
// With "post-request", the (buyer) user then posts a request in Phoenix and waits until the worker has
// matched it to dealers: the whole path of matching and fan-out on the demo's own database.
// Usage: node scripts/smoke-signin.mjs http://localhost:3000 ava@demo.keyturn /customer [post-request]
const [base = "http://localhost:3000", email = "ava@demo.keyturn", area = "/customer", then] = process.argv.slice(2);
const jar = new Map();
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
async function call(path, init = {}) {
  const res = await fetch(new URL(path, base), { ...init, redirect: "manual", headers: { ...(init.headers ?? {}), cookie: cookieHeader() } });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return res;
}
const fail = (msg) => {
  console.error(`smoke: ${msg}`);
  process.exit(1);
};

const home = await call("/");
if (home.status !== 200) fail(`home page answered ${home.status}`);
const { csrfToken } = await (await call("/api/auth/csrf")).json();
const login = await call("/api/auth/callback/credentials", {
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ csrfToken, email, password: "keyturn-demo-1", json: "true" }),
});
if (![200, 302].includes(login.status) || ![...jar.keys()].some((k) => k.includes("session-token"))) fail(`sign-in failed (${login.status})`);
const page = await call(area);
const html = await page.text();
if (page.status !== 200 || !html.includes('data-testid="signed-in-as"')) fail(`${area} did not render for ${email} (${page.status})`);
console.log(`smoke: home page OK, ${email} signed in and opened ${area}`);

if (then === "post-request") {
  const trpc = (proc, init) => call(`/api/trpc/${proc}`, init);
  const input = {
    bodyType: "SUV", condition: "ANY", makes: [], features: [], maxPriceCents: 4_000_000, downPaymentCents: 0, wantsFinancing: false,
    zip: "85004", radiusMiles: 50, timeline: "WITHIN_MONTH", shareCredit: false,
  };
  const res = await trpc("requests.create", { method: "POST", headers: { "content-type": "application/json", origin: new URL(base).origin }, body: JSON.stringify({ json: input }) });
  const created = await res.json();
  const requestId = created?.result?.data?.json?.id;
  if (res.status !== 200 || !requestId) fail(`posting a request failed (${res.status}): ${JSON.stringify(created).slice(0, 300)}`);
  let matched = 0;
  for (let i = 0; i < 60 && !matched; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const got = await (await trpc(`requests.get?input=${encodeURIComponent(JSON.stringify({ json: { requestId } }))}`)).json();
    const r = got?.result?.data?.json;
    if (r?.fannedOutAt) matched = r.matchedCount || -1;
  }
  if (matched <= 0) fail(`request ${requestId} was ${matched === -1 ? "fanned out to no dealer" : "not fanned out within 30 s"}`);
  console.log(`smoke: ${email} posted a request; the worker matched it to ${matched} dealers`);
}
