import { Suspense } from "react";
import { AuthFrame } from "~/components/auth-frame";
import { SignInForm } from "~/app/signin/sign-in-form";

export const metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <AuthFrame title="Sign in" subtitle="Welcome back.">
      <Suspense>
        <SignInForm />
      </Suspense>
    </AuthFrame>
  );
}
