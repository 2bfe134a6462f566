import Link from "next/link";
import { PageHeader } from "~/components/ui/card";
import { MyData } from "./my-data";

export const metadata = { title: "My data" };

export default function MyDataPage() {
  return (
    <>
      <PageHeader
        title="My data"
        description={
          <>
            Your personal details (<Link href="/customer/profile" className="text-brand-700 underline">My profile</Link>) stay locked in your vault. Each time you share them, you hand out a key: it opens only the details listed, for one request, until its end date. You can take any key back at any time.
          </>
        }
        actions={
          <Link href="/customer/data/log" className="inline-flex items-center whitespace-nowrap rounded-lg bg-white px-4 py-2 text-sm font-semibold text-ink ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Who saw my data</Link>
        }
      />
      <MyData />
    </>
  );
}
