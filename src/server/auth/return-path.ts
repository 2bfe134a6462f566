// Where sign-in returns to. Only a path on this site, inside the signed-in user's own area, is
// honoured: anything else (another origin, "//host", "/\host", a different area) falls back to home,
// so the parameter can never become an open redirect.

const BASE = "http://keyturn.invalid";

export function safeReturnPath(wanted: string | null | undefined, home: string): string {
  if (!wanted || !wanted.startsWith("/") || wanted.startsWith("//") || wanted.startsWith("/\\")) return home;
  // Control characters and backslashes are how browsers are talked into another host.
  if (/[\u0000-\u001f\u007f\\]/.test(wanted)) return home;
  let url: URL;
  try {
    url = new URL(wanted, BASE);
  } catch {
    return home;
  }
  if (url.origin !== BASE) return home;
  if (url.pathname !== home && !url.pathname.startsWith(`${home}/`)) return home;
  return `${url.pathname}${url.search}${url.hash}`;
}
