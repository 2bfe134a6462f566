import { EmptyState, PageHeader } from "~/components/ui/card";
import { env } from "~/env.js";
import { currentActor } from "~/server/auth/session";
import { CrmPanel } from "./crm-panel";

export const metadata = { title: "CRM delivery" };

export default async function CrmPage() {
  const actor = await currentActor();
  const schedule = env.WEBHOOK_RETRY_SCHEDULE;
  const hours = Math.round(schedule.reduce((a, b) => a + b, 0) / 360) / 10;
  const retries = `A failed delivery is tried ${schedule.length + 1} times over about ${hours} hours, then marked Failed until you redrive it.`;
  return (
    <>
      <PageHeader
        title="CRM delivery"
        description="Each new lead goes to your CRM as ADF/XML 1.0: by email (the XML is the whole plain-text body) and, if you set one, by signed HTTP POST. Until a buyer accepts your quote, the lead names them only by their alias and a relay address. When a buyer accepts your quote, your CRM gets the lead again, marked resend, with the contact details the buyer shared; a buyer who asked for contact only through the Keyturn thread shares none, and no resend is sent."
      />
      {actor?.orgRole === "OWNER" ? <CrmPanel retries={retries} /> : <EmptyState title="Owners only" body="Ask an owner of your dealership to manage CRM delivery." />}
    </>
  );
}
