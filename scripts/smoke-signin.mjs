// Signs a demo user in over plain HTTP and checks their area renders: the CI smoke for `npm run demo`.
// Usage: node scripts/smoke-signin.mjs http://localhost:3000 ava@demo.keyturn /customer
const [base = "http://localhost:3000", email = "ava@demo.keyturn", area = "/customer"] = process.argv.slice(2);
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
