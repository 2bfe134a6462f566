import { Brand } from "~/components/brand";
import { ButtonLink } from "~/components/ui/button";

export function NotAllowed({ home, area }: { home: string; area: string }) {
  return (
    <main className="mx-auto grid min-h-dvh max-w-lg place-items-center px-4">
      <div className="w-full rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <div className="mb-6 flex justify-center"><Brand /></div>
        <h1 className="text-xl font-bold text-ink">Not allowed</h1>
        <p className="mt-2 text-sm text-slate-600">
          Your account cannot open the {area}. Each kind of account has its own area, and this one belongs to someone else.
        </p>
        <ButtonLink href={home} className="mt-6">Go to your area</ButtonLink>
      </div>
    </main>
  );
}
