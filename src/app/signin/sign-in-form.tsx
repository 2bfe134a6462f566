"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Field, FormAlert } from "~/components/ui/field";

const WRONG = "That email and password do not match an account.";

/** next-auth's error code, as a sentence. "Throttled:<seconds>" comes from src/server/auth/options.ts. */
function signInMessage(error: string | null | undefined): string {
  const throttled = /^Throttled:(\d+)$/.exec(error ?? "");
  if (!throttled) return WRONG;
  const seconds = Number(throttled[1]);
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minute${seconds <= 60 ? "" : "s"}`;
  return `Too many failed sign-ins from here. Wait ${wait} and try again, or reset your password.`;
}

export function SignInForm() {
  const params = useSearchParams();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<{ email?: string; password?: string }>({});

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const next = { email: email ? undefined : "Enter your email.", password: password ? undefined : "Enter your password." };
    setFields(next);
    if (next.email || next.password) return;
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { email, password, redirect: false });
    if (!res || res.error) {
      setPending(false);
      setError(signInMessage(res?.error));
      return;
    }
    // The post-login router sends each role to its own area.
    router.replace(`/go?callbackUrl=${encodeURIComponent(params?.get("callbackUrl") ?? "")}`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {params?.get("signedOut") && <FormAlert tone="success">You are signed out.</FormAlert>}
      {error && <FormAlert>{error}</FormAlert>}
      <Field label="Email" name="email" type="email" autoComplete="email" error={fields.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={fields.password} />
      <p className="text-right text-sm">
        <Link className="font-semibold text-brand-700 underline" href="/signin/forgot">Forgot your password?</Link>
      </p>
      <Button type="submit" pending={pending} className="w-full">Sign in</Button>
      <p className="text-center text-sm text-slate-600">
        New here? <Link className="font-semibold text-brand-700 underline" href="/signup">Create an account</Link>
      </p>
    </form>
  );
}
