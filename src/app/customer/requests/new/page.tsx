import { PageHeader } from "~/components/ui/card";
import { ButtonLink } from "~/components/ui/button";
import { RequestForm, type RequestFormValues } from "~/components/requests/request-form";
import { serverApi } from "~/trpc/server";

export const metadata = { title: "New request" };

/** Fresh defaults unless the buyer asks to start from their last request (?from=last). */
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { from } = await searchParams;
  const api = await serverApi();
  const [defaults, creditShare, garage] = await Promise.all([api.requests.defaults(), api.requests.creditShareOptions(), api.garage.list()]);
  const fromLast = from === "last" && defaults.last != null;
  const initial: RequestFormValues = fromLast ? defaults.last! : defaults.fresh;
  return (
    <>
      <PageHeader
        title="What are you looking for?"
        description={fromLast ? "Started from your last request: check every field, especially the ZIP and radius." : "Local dealers that sell it answer with itemised, out-the-door quotes."}
        actions={
          defaults.last &&
          (fromLast ? (
            <ButtonLink href="/customer/requests/new" variant="secondary">Start fresh</ButtonLink>
          ) : (
            <ButtonLink href="/customer/requests/new?from=last" variant="secondary">Start from my last request</ButtonLink>
          ))
        }
      />
      {/* key: switching between fresh and last-request remounts the form with the other defaults. */}
      <RequestForm key={fromLast ? "last" : "fresh"} initial={initial} creditShare={creditShare} garage={garage} />
    </>
  );
}
