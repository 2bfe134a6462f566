import Link from "next/link";

export function Brand({ href = "/" }: { href?: string }) {
  // The home page ("/") is served by the Pages Router (src/pages/index.tsx), so an App Router page cannot
  // move to it client-side, and prefetching it (HTML, not a router payload) left a request hanging.
  const Anchor = href === "/" ? "a" : Link;
  return (
    <Anchor href={href} className="flex items-center gap-2 text-lg font-bold tracking-tight text-ink">
      <span aria-hidden className="grid size-8 place-items-center rounded-lg bg-brand-600 text-white">
        <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
          <circle cx="8" cy="12" r="4" />
          <path d="M12 12h9M18 12v3M21 12v2" />
        </svg>
      </span>
      Keyturn
    </Anchor>
  );
}
