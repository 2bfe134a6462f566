"use client";

import { useState } from "react";

/**
 * next-auth's sign-out as two requests (its CSRF token, then the sign-out POST), written out here so every
 * signed-in page does not ship next-auth's client library for one button.
 */
async function signOut(callbackUrl: string) {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await res.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? callbackUrl;
}

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="rounded-lg px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // If the network fails, the button comes back so the person can try again.
        signOut("/signin?signedOut=1").catch(() => setPending(false));
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
