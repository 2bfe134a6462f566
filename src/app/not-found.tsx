import { ButtonLink } from "~/components/ui/button";
import { StaticPage } from "~/components/static-page";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StaticPage>
      <div className="rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-ink">We could not find that page</h1>
        <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
          The link may be old, or the page may belong to another account. Nothing was changed.
        </p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <ButtonLink href="/" prefetch={false}>Go to the home page</ButtonLink>
          <ButtonLink href="/signin" variant="secondary">Sign in</ButtonLink>
        </div>
      </div>
    </StaticPage>
  );
}
