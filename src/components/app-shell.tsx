import type { ReactNode } from "react";
import { Brand } from "~/components/brand";
import { SignOutButton } from "~/components/sign-out-button";
import { NotificationBell } from "~/components/notifications/notification-bell";
import type { Actor } from "~/server/auth/session";
import { SectionNav, type NavItem } from "~/components/section-nav";
import { TRPCReactProvider } from "~/trpc/react";

export type { NavItem };

const areaLabel = { CUSTOMER: "Buyer", DEALER: "Dealer", LENDER: "Lender", ADMIN: "Admin" } as const;

/** The frame around every signed-in area: brand, the area's sections, who is signed in. */
export function AppShell({ actor, nav, home, children, notificationsHref }: { actor: Actor; nav: NavItem[]; home: string; children: ReactNode; notificationsHref?: string }) {
  return (
    <TRPCReactProvider>
      <div className="min-h-dvh">
        <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
          <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
            <div className="flex items-center gap-3">
              <Brand href={home} />
              <span className="hidden rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 sm:inline">{areaLabel[actor.role]}</span>
            </div>
            <div className="flex items-center gap-2">
              <span className="hidden text-sm text-slate-700 md:inline" data-testid="signed-in-as">{actor.name}</span>
              {notificationsHref && <NotificationBell href={notificationsHref} />}
              <SignOutButton />
            </div>
          </div>
          <SectionNav items={nav} />
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6 sm:py-8">{children}</main>
      </div>
    </TRPCReactProvider>
  );
}
