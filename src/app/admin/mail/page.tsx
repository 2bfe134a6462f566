import { PageHeader } from "~/components/ui/card";
import { MailSink } from "~/components/notifications/mail-sink";

export const metadata = { title: "Mail sink" };

export default function MailSinkPage() {
  return (
    <>
      <PageHeader title="Mail sink" description="Every email the product sent (or would have sent, with MAIL_TRANSPORT=log), newest first." />
      <MailSink />
    </>
  );
}
