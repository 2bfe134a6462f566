"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "~/trpc/react";
import { formatCount } from "~/lib/counts";

/** Header link to the notifications page with a live unread count. */
export function NotificationBell({ href }: { href: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const count = useQuery(trpc.notifications.unreadCount.queryOptions());
  useSubscription(trpc.notifications.live.subscriptionOptions(undefined, { onData: () => void qc.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() }) }));
  const n = count.data ?? 0;
  return (
    <Link href={href} className="relative rounded-lg p-2 text-slate-700 hover:bg-slate-100" aria-label={n > 0 ? `Notifications, ${formatCount(n)} unread` : "Notifications"} data-testid="notification-bell">
      <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {n > 0 && <span className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-bold leading-4 text-white">{formatCount(n)}</span>}
    </Link>
  );
}
