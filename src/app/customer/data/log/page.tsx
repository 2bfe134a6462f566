import Link from "next/link";
import { PageHeader } from "~/components/ui/card";
import { AccessLogList } from "./access-log-list";

export const metadata = { title: "Who saw my data" };

export default function AccessLogPage() {
  return (
    <>
      <PageHeader
        title="Who saw my data"
        description="Every time a lender, a dealer, a dealer's desk or our staff looks at your details, it is written here, newest first. We record what they looked at, never the details themselves, and nobody can erase these lines."
        actions={<Link href="/customer/data" className="inline-flex items-center whitespace-nowrap rounded-lg bg-white px-4 py-2 text-sm font-semibold text-ink ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Back to My data</Link>}
      />
      <AccessLogList />
    </>
  );
}
