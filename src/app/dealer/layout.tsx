import { AppShell } from "~/components/app-shell";
import { guardArea } from "~/server/auth/guard";

export const dynamic = "force-dynamic";

const nav = [
  { href: "/dealer", label: "Leads" },
  { href: "/dealer/analytics", label: "Analytics" },
  { href: "/dealer/feedback", label: "Feedback" },
  { href: "/dealer/inventory", label: "Inventory" },
  { href: "/dealer/settings", label: "Settings", also: ["/dealer/coverage", "/dealer/team", "/dealer/api-keys", "/dealer/crm", "/dealer/auto-quote"] },
];

export default function DealerLayout({ children }: { children: React.ReactNode }) {
  return guardArea("DEALER", "dealer dashboard", "/dealer", (actor) => (
    <AppShell actor={actor} nav={nav} home="/dealer" notificationsHref="/dealer/notifications">{children}</AppShell>
  ));
}
