import { AppShell } from "~/components/app-shell";
import { guardArea } from "~/server/auth/guard";

export const dynamic = "force-dynamic";

const nav = [
  { href: "/customer", label: "My requests" },
  { href: "/customer/requests/new", label: "New request" },
  { href: "/customer/garage", label: "My garage" },
  { href: "/customer/notifications", label: "Notifications" },
  { href: "/customer/profile", label: "My profile" },
  { href: "/customer/data", label: "My data" },
];

export default function CustomerLayout({ children }: { children: React.ReactNode }) {
  return guardArea("CUSTOMER", "buyer area", "/customer", (actor) => (
    <AppShell actor={actor} nav={nav} home="/customer" notificationsHref="/customer/notifications">{children}</AppShell>
  ));
}
