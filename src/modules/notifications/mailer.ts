import nodemailer from "nodemailer";
import { env } from "~/env.js";

// `from` is set only by the mail relay, which writes from a lead's relay address; otherwise MAIL_FROM.
export type OutgoingMail = { to: string; subject: string; text: string; from?: string };

/** Sends one email. The outbox row is written by the caller either way; this only talks to the transport. */
export interface Mailer {
  readonly kind: "smtp" | "log";
  send(mail: OutgoingMail): Promise<void>;
}

/** Development and tests: nothing leaves the machine; the OutboundEmail row is the sink (see /admin/mail). */
export class LogMailer implements Mailer {
  readonly kind = "log" as const;
  async send() {}
}

export class SmtpMailer implements Mailer {
  readonly kind = "smtp" as const;
  private transport: nodemailer.Transporter;
  constructor(url: string, private from: string) {
    this.transport = nodemailer.createTransport(url);
  }
  async send(mail: OutgoingMail) {
    await this.transport.sendMail({ from: mail.from ?? this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }
}

let cached: Mailer | null = null;
export function mailer(): Mailer {
  if (cached) return cached;
  if (env.MAIL_TRANSPORT === "smtp") {
    if (!env.SMTP_URL) throw new Error("MAIL_TRANSPORT=smtp needs SMTP_URL");
    cached = new SmtpMailer(env.SMTP_URL, env.MAIL_FROM);
  } else {
    cached = new LogMailer();
  }
  return cached;
}

/** For tests: swap the transport. */
export function setMailerForTests(m: Mailer | null) {
  cached = m;
}
