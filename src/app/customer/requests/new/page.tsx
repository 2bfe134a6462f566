import { PageHeader } from "~/components/ui/card";
import { RequestForm, type RequestFormValues } from "~/components/requests/request-form";
import { serverApi } from "~/trpc/server";

export const metadata = { title: "New request" };

export default async function NewRequestPage() {
  const api = await serverApi();
  const [defaults, creditShare] = await Promise.all([api.requests.defaults(), api.requests.creditShareOptions()]);
  // Reuse the last request's terms (or the profile ZIP) so a returning buyer does not retype.
  const initial: RequestFormValues = defaults.from === "last-request" ? defaults.values : { zip: defaults.values.zip };
  return (
    <>
      <PageHeader title="What are you looking for?" description="Local dealers that sell it answer with itemised, out-the-door quotes." />
      <RequestForm initial={initial} creditShare={creditShare} />
    </>
  );
}
