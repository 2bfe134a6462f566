import { AppShell } from "~/components/app-shell";
import { guardArea } from "~/server/auth/guard";

export const dynamic = "force-dynamic";

const nav = [{ href: "/admin", label: "Overview" }, { href: "/admin/disputes", label: "Disputes" }, { href: "/admin/ratings", label: "Ratings" }, { href: "/admin/market", label: "Market" }, { href: "/admin/mail", label: "Mail sink" }];

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return guardArea("ADMIN", "admin area", "/admin", (actor) => (
    <AppShell actor={actor} nav={nav} home="/admin">{children}</AppShell>
  ));
}
