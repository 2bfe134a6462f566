import Link from "next/link";

/** On every page: what a first-time visitor looks for before trusting a site with their details. */
export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between">
        <p>Keyturn: dealers compete for your car; your details move only with your consent.</p>
        <nav aria-label="Site">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li><Link className="underline-offset-2 hover:underline" href="/privacy">Privacy</Link></li>
            <li><Link className="underline-offset-2 hover:underline" href="/terms">Terms</Link></li>
            <li><Link className="underline-offset-2 hover:underline" href="/docs/api">Lender API</Link></li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
