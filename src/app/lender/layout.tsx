import { AppShell } from "~/components/app-shell";
import { guardArea } from "~/server/auth/guard";

export const dynamic = "force-dynamic";

const nav = [
  { href: "/lender", label: "Console" },
  { href: "/lender/policy", label: "Auto-decision" },
  { href: "/lender/api-keys", label: "API keys" },
  { href: "/lender/webhooks", label: "Webhooks" },
  { href: "/docs/api", label: "API docs" },
  { href: "/lender/team", label: "Team" },
];

export default function LenderLayout({ children }: { children: React.ReactNode }) {
  return guardArea("LENDER", "lender console", "/lender", (actor) => (
    <AppShell actor={actor} nav={nav} home="/lender">{children}</AppShell>
  ));
}
