/** A section of an area; `also` lists other paths that belong to it (settings pages that keep their own URLs). */
export type NavItem = { href: string; label: string; also?: string[] };

const under = (path: string, href: string) => path === href || path.startsWith(`${href}/`);

/**
 * The nav entry for a path: the one with the longest href (or `also` path) that is the path or a parent of
 * it ("/customer/requests/x" is under "My requests", "/dealer/coverage" under "Settings").
 */
export function currentHref(items: NavItem[], path: string): string | null {
  const scored = items.map((i) => ({ href: i.href, len: Math.max(-1, ...[i.href, ...(i.also ?? [])].filter((h) => under(path, h)).map((h) => h.length)) }));
  return scored.filter((s) => s.len >= 0).sort((a, b) => b.len - a.len)[0]?.href ?? null;
}
