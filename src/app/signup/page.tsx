import { Suspense } from "react";
import { AuthFrame } from "~/components/auth-frame";
import { SignUpForm } from "~/app/signup/sign-up-form";

export const metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <AuthFrame title="Create your account" subtitle="Buyers post requests. Dealers quote. Lenders pre-approve.">
      <Suspense>
        <SignUpForm />
      </Suspense>
    </AuthFrame>
  );
}
