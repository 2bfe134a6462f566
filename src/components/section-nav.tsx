"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { currentHref, type NavItem } from "~/components/current-section";

export type { NavItem };

/**
 * The area's sections. The current one is marked (aria-current="page", and visibly), choosing the
 * longest matching href so "/customer/requests/new" marks "New request", not "My requests". The tabs
 * wrap onto a second line on a phone instead of being cut off.
 */
export function SectionNav({ items }: { items: NavItem[] }) {
  const path = usePathname() ?? "";
  const current = currentHref(items, path);
  return (
    <nav aria-label="Sections" className="mx-auto max-w-6xl px-2">
      <ul className="flex flex-wrap gap-1 pb-2">
        {items.map((item) => {
          const on = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={on ? "page" : undefined}
                className={`block whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium ${on ? "bg-brand-50 text-brand-700 ring-1 ring-inset ring-brand-100" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
