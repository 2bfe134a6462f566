"use client";

import Link from "next/link";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { Field, FormAlert } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";

/** Asks for a reset link. The server's answer is the same whether or not the email has an account. */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [clientError, setClientError] = useState<string | undefined>();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const emailError = clientError ?? fieldErrors(request.error).email;

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
    const problem = /^\S+@\S+\.\S+$/.test(email) ? undefined : "Enter a valid email address.";
    setClientError(problem);
    if (!problem) request.mutate({ email });
  }

  if (request.data) {
    return (
      <div className="space-y-4">
        <FormAlert tone="success">{request.data.message}</FormAlert>
        <p className="text-sm text-slate-600">No email after a few minutes? Check your spam folder, or ask again.</p>
        <p className="text-center text-sm">
          <Link className="font-semibold text-brand-700 underline" href="/signin">Back to sign in</Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {request.error && !emailError && <FormAlert>{errorMessage(request.error)}</FormAlert>}
      <Field label="Email" name="email" type="email" autoComplete="email" error={emailError} hint="The email you sign in with." />
      <Button type="submit" pending={request.isPending} className="w-full">Email me a reset link</Button>
      <p className="text-center text-sm text-slate-600">
        Remembered it? <Link className="font-semibold text-brand-700 underline" href="/signin">Sign in</Link>
      </p>
    </form>
  );
}
