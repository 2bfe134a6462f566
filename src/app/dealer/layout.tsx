import { AppShell } from "~/components/app-shell";
import { guardArea } from "~/server/auth/guard";

export const dynamic = "force-dynamic";

const nav = [
  { href: "/dealer", label: "Leads" },
  { href: "/dealer/inventory", label: "Inventory" },
  { href: "/dealer/auto-quote", label: "Automatic quotes" },
  { href: "/dealer/coverage", label: "Coverage" },
  { href: "/dealer/team", label: "Team" },
  { href: "/dealer/api-keys", label: "API keys" },
];

export default function DealerLayout({ children }: { children: React.ReactNode }) {
  return guardArea("DEALER", "dealer dashboard", "/dealer", (actor) => (
    <AppShell actor={actor} nav={nav} home="/dealer" notificationsHref="/dealer/notifications">{children}</AppShell>
  ));
}
