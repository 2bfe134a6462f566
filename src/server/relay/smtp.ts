import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { simpleParser } from "mailparser";
import { env } from "~/env.js";
import { checkRelayRecipient, type RelayRecipient } from "~/modules/relay/check-relay-recipient";
import { receiveRelayReply } from "~/modules/relay/receive-relay-reply";

// A reply is a few paragraphs; 256 KB leaves room for a quoted thread and HTML twin, and no more. Advertised
// by the SIZE extension, so a well-behaved sender does not even start sending a bigger one.
export const RELAY_MAX_BYTES = 256 * 1024;

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The inbound mail relay (`npm run relay`): dealers' CRMs reply to lead-<token>@RELAY_DOMAIN and the text
 * lands in the lead's thread. The SMTP handling is here; every decision is in src/modules/relay. No AUTH
 * (senders are MX hosts, not users) and no STARTTLS: TLS, SPF and DKIM belong to the MX in front of it.
 */
export function createRelayServer(opts: { log?: (line: string) => void } = {}) {
  const log = opts.log ?? ((line: string) => console.log(`[relay] ${line}`));
  // The RCPT verdict, for the DATA stage of the same transaction on the same connection.
  const accepted = new Map<string, RelayRecipient>();
  const mailFromOf = (session: SMTPServerSession) => (session.envelope.mailFrom ? session.envelope.mailFrom.address : "");

  const server = new SMTPServer({
    name: env.RELAY_DOMAIN,
    banner: "Keyturn lead relay",
    size: RELAY_MAX_BYTES,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    maxClients: 100,
    onRcptTo(address, session, cb) {
      // One lead per message: a reply copied to two leads would be two conversations mixed up.
      if (accepted.has(session.id)) return cb(smtpError(452, "4.5.3 One Keyturn lead per message; send the other separately."));
      checkRelayRecipient({ mailFrom: mailFromOf(session), rcpt: address.address }).then(
        (v) => {
          if (!v.ok) {
            log(`refused ${address.address} from ${mailFromOf(session)}: ${v.code} ${v.message}`);
            return cb(smtpError(v.code, v.message));
          }
          accepted.set(session.id, v);
          cb();
        },
        (e: unknown) => {
          log(`RCPT failed: ${String(e)}`);
          cb(smtpError(451, "4.3.0 Temporary failure; try again later."));
        },
      );
    },
    onData(stream, session, cb) {
      const rcpt = accepted.get(session.id);
      accepted.delete(session.id);
      if (!rcpt) {
        stream.resume();
        return stream.on("end", () => cb(smtpError(503, "5.5.1 No valid recipient.")));
      }
      simpleParser(stream, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true })
        .then((parsed) =>
          receiveRelayReply(rcpt, {
            mailFrom: mailFromOf(session),
            fromHeader: parsed.from?.value[0]?.address ?? null,
            // A CRM that sends HTML only still gets its text in: mailparser renders it to text.
            text: parsed.text ?? "",
            attachments: parsed.attachments.length,
            tooLarge: (stream as unknown as { sizeExceeded?: boolean }).sizeExceeded === true,
            autoSubmitted: /^auto-/i.test(String(parsed.headers.get("auto-submitted") ?? "")),
            mailMessageId: parsed.messageId ?? null,
          }),
        )
        .then(
          (r) => {
            if (!r.ok) {
              log(`bounced mail for lead ${rcpt.leadId}: ${r.code} ${r.message}`);
              return cb(smtpError(r.code, r.message));
            }
            log(`accepted mail for lead ${rcpt.leadId} as message ${r.messageId}`);
            cb(null, "2.0.0 Delivered to the buyer's thread");
          },
          (e: unknown) => {
            log(`DATA failed: ${String(e)}`);
            cb(smtpError(451, "4.3.0 Temporary failure; try again later."));
          },
        );
    },
    onClose(session) {
      accepted.delete(session.id);
    },
  });
  server.on("error", (e) => log(`server error: ${String(e)}`));

  return {
    server,
    /** Port 0 picks a free one (tests, bench); resolves with the port bound. */
    listen(port = env.RELAY_SMTP_PORT, host = env.RELAY_SMTP_HOST) {
      return new Promise<number>((resolve, reject) => {
        server.server.once("error", reject);
        server.listen(port, host, () => resolve((server.server.address() as AddressInfo).port));
      });
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
