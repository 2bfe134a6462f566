import { PageHeader, Stat } from "~/components/ui/card";
import { serverApi } from "~/trpc/server";
import { AdminUsers } from "~/app/admin/admin-users";

export const metadata = { title: "Admin" };

export default async function AdminHome() {
  const api = await serverApi();
  const m = await api.admin.metrics();
  return (
    <>
      <PageHeader title="Market overview" description="Verify businesses, manage accounts, watch the market." />
      <section aria-label="Market metrics" className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        <Stat label="Buyers" value={m.customers} />
        <Stat label="Dealers" value={m.dealers} />
        <Stat label="Lenders" value={m.lenders} />
        <Stat label="Open requests" value={m.openRequests} />
        <Stat label="Leads" value={m.leads} />
        <Stat label="Quotes" value={m.quotes} />
        <Stat label="Deals" value={m.deals} />
      </section>
      <AdminUsers />
    </>
  );
}
