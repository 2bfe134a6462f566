export type NavItem = { href: string; label: string };

/** The nav entry for a path: the longest href that is the path or a parent of it ("/customer/requests/x" is under "My requests"). */
export function currentHref(items: NavItem[], path: string): string | null {
  const matches = items.filter((i) => path === i.href || path.startsWith(`${i.href}/`));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href ?? null;
}
