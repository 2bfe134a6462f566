import { Suspense } from "react";
import { AuthFrame } from "~/components/auth-frame";
import { ForgotPasswordForm } from "~/app/signin/forgot/forgot-password-form";

export const metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthFrame title="Reset your password" subtitle="We'll email you a link to choose a new one.">
      <Suspense>
        <ForgotPasswordForm />
      </Suspense>
    </AuthFrame>
  );
}
