import { Suspense } from "react";
import { AuthFrame } from "~/components/auth-frame";
import { ResetPasswordForm } from "~/app/reset-password/reset-password-form";

export const metadata = { title: "Choose a new password" };

export default function ResetPasswordPage() {
  return (
    <AuthFrame title="Choose a new password" subtitle="Setting a new password signs you out on every device.">
      <Suspense>
        <ResetPasswordForm />
      </Suspense>
    </AuthFrame>
  );
}
