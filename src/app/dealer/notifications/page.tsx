import { PageHeader } from "~/components/ui/card";
import { NotificationCenter } from "~/components/notifications/notification-center";

export const metadata = { title: "Notifications" };

export default function DealerNotificationsPage() {
  return (
    <>
      <PageHeader title="Notifications" description="New leads, buyer messages, won deals and requests that closed." />
      <NotificationCenter audience="dealer" />
    </>
  );
}
