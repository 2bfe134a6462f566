"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { Field, FormAlert } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";

const askAgain = <Link className="font-semibold underline" href="/signin/forgot">Ask for a new reset link</Link>;

/** Sets a new password with the token from the emailed link (?token=). */
export function ResetPasswordForm() {
  const token = useSearchParams()?.get("token") ?? "";
  const trpc = useTRPC();
  const [clientErrors, setClientErrors] = useState<{ password?: string; repeat?: string }>({});
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const serverFields = fieldErrors(reset.error);
  const passwordError = clientErrors.password ?? serverFields.password;

  if (!token) {
    return <FormAlert>This reset link is incomplete. Open the link from the email again, or {askAgain}.</FormAlert>;
  }

  if (reset.data) {
    return (
      <div className="space-y-4">
        <FormAlert tone="success">{reset.data.message}</FormAlert>
        <Link className="block rounded-lg bg-brand-700 px-4 py-2 text-center text-sm font-semibold text-white" href="/signin">Sign in</Link>
      </div>
    );
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const password = String(f.get("password") ?? "");
    const repeat = String(f.get("repeat") ?? "");
    const problems = {
      password: password ? undefined : "Enter a new password.",
      repeat: password && repeat !== password ? "The two passwords are different." : undefined,
    };
    setClientErrors(problems);
    if (problems.password || problems.repeat) {
      reset.reset(); // an earlier answer from the server no longer describes what is typed
      return;
    }
    reset.mutate({ token, password });
  }

  // A spent, expired or made-up token comes back as an error on "token": say so, and offer a new link
  // (our own sentence, so the server's "Ask for a new one." is not said twice beside the link).
  const tokenRefused = Boolean(serverFields.token);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {tokenRefused && <FormAlert>This reset link has expired or has already been used. {askAgain}.</FormAlert>}
      {reset.error && !tokenRefused && !passwordError && <FormAlert>{errorMessage(reset.error)}</FormAlert>}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={passwordError}
        hint="At least 10 characters, with letters and numbers."
      />
      <Field label="Repeat the new password" name="repeat" type="password" autoComplete="new-password" error={clientErrors.repeat} />
      <Button type="submit" pending={reset.isPending} className="w-full">Set new password</Button>
    </form>
  );
}
