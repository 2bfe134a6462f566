"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { Field, FormAlert } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { useFocusFirstError } from "~/components/ui/use-focus-first-error";

type Role = "CUSTOMER" | "DEALER" | "LENDER";
const roles: { value: Role; label: string; help: string }[] = [
  { value: "CUSTOMER", label: "Buyer", help: "Post what you want and compare quotes." },
  { value: "DEALER", label: "Dealer", help: "Receive local leads and send quotes." },
  { value: "LENDER", label: "Lender", help: "Pre-approve financing on quotes." },
];

export function SignUpForm() {
  const params = useSearchParams();
  const router = useRouter();
  const trpc = useTRPC();
  const initial = (roles.find((r) => r.value === params?.get("role"))?.value ?? "CUSTOMER") as Role;
  const [role, setRole] = useState<Role>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const errors = { ...fieldErrors(signUp.error), ...clientErrors };
  const formRef = useFocusFirstError(errors);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const input = {
      role,
      name: String(f.get("name") ?? ""),
      email: String(f.get("email") ?? ""),
      password: String(f.get("password") ?? ""),
      ...(role !== "CUSTOMER" ? { orgName: String(f.get("orgName") ?? "") } : {}),
      ...(role === "DEALER" ? { zip: String(f.get("zip") ?? "") } : {}),
    };
    const problems: Record<string, string> = {};
    if (input.name.trim().length < 2) problems.name = "Enter your name.";
    if (!/^\S+@\S+\.\S+$/.test(input.email)) problems.email = "Enter a valid email address.";
    if (input.password.length < 10) problems.password = "Use at least 10 characters.";
    if (role !== "CUSTOMER" && (input.orgName ?? "").trim().length < 2) problems.orgName = "Enter your business name.";
    if (role === "DEALER" && !/^\d{5}$/.test(input.zip ?? "")) problems.zip = "Enter your dealership's 5-digit ZIP code.";
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return;
    signUp.mutate(input, {
      onSuccess: async ({ home }) => {
        const res = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
        router.replace(res?.error ? "/signin" : home);
        router.refresh();
      },
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">I am a</legend>
        <div className="mt-2 grid grid-cols-3 gap-2">
          {roles.map((r) => (
            <label key={r.value} className={`cursor-pointer rounded-lg border px-3 py-2 text-center text-sm font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${role === r.value ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-700"}`}>
              <input type="radio" name="role" value={r.value} checked={role === r.value} onChange={() => setRole(r.value)} className="sr-only" />
              {r.label}
            </label>
          ))}
        </div>
        <p className="mt-2 text-xs text-slate-600">{roles.find((r) => r.value === role)!.help}</p>
      </fieldset>
      {signUp.error && !Object.keys(fieldErrors(signUp.error)).length && <FormAlert>{errorMessage(signUp.error)}</FormAlert>}
      <Field label="Your name" name="name" autoComplete="name" error={errors.name} />
      {role !== "CUSTOMER" && <Field label={role === "DEALER" ? "Dealership name" : "Lender name"} name="orgName" autoComplete="organization" error={errors.orgName} />}
      {role === "DEALER" && <Field label="Dealership ZIP code" name="zip" inputMode="numeric" maxLength={5} error={errors.zip} />}
      <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" error={errors.password} hint="At least 10 characters, with letters and numbers." />
      <Button type="submit" pending={signUp.isPending} className="w-full">Create account</Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account? <Link className="font-semibold text-brand-700 underline" href="/signin">Sign in</Link>
      </p>
    </form>
  );
}
