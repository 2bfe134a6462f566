import { PageHeader } from "~/components/ui/card";
import { GarageView } from "./garage-view";

export const metadata = { title: "My garage" };

export default function GaragePage() {
  return (
    <>
      <PageHeader
        title="My garage"
        description="The cars you own. A car delivered through Keyturn is added here for you. Dealers are never offered a car from your garage for your requests, and you can pick one as the trade-in on your next request."
      />
      <GarageView />
    </>
  );
}
