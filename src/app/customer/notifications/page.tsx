import { PageHeader } from "~/components/ui/card";
import { NotificationCenter } from "~/components/notifications/notification-center";

export const metadata = { title: "Notifications" };

export default function NotificationsPage() {
  return (
    <>
      <PageHeader title="Notifications" description="Quotes, lender decisions and messages about your requests. Dealers never get your email address: these come from Keyturn." />
      <NotificationCenter />
    </>
  );
}
