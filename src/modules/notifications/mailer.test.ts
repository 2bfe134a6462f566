import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmtpMailer } from "~/modules/notifications/mailer";

// A minimal SMTP receiver: enough of RFC 5321 for one plain-text message, so the SMTP path is exercised for real.
const received: { from: string; to: string[]; data: string }[] = [];
const server = createServer((sock) => {
  let mail = { from: "", to: [] as string[], data: "" };
  let inData = false;
  let buf = "";
  sock.write("220 test ESMTP\r\n");
  sock.on("data", (chunk) => {
    buf += chunk.toString("utf8");
    if (inData) {
      const end = buf.indexOf("\r\n.\r\n");
      if (end < 0) return;
      mail.data = buf.slice(0, end);
      buf = buf.slice(end + 5);
      inData = false;
      received.push(mail);
      mail = { from: "", to: [], data: "" };
      sock.write("250 queued\r\n");
    }
    let nl: number;
    while (!inData && (nl = buf.indexOf("\r\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 2);
      const cmd = line.slice(0, 4).toUpperCase();
      if (cmd === "EHLO" || cmd === "HELO") sock.write("250 test\r\n");
      else if (cmd === "MAIL") (mail.from = line, sock.write("250 ok\r\n"));
      else if (cmd === "RCPT") (mail.to.push(line), sock.write("250 ok\r\n"));
      else if (cmd === "DATA") (inData = true, sock.write("354 go\r\n"));
      else if (cmd === "QUIT") (sock.write("221 bye\r\n"), sock.end());
      else sock.write("250 ok\r\n");
    }
  });
});

let port = 0;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("SmtpMailer", () => {
  it("delivers the message over SMTP from the configured sender", async () => {
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, "Keyturn <no-reply@keyturn.test>");
    await mailer.send({ to: "buyer@example.com", subject: "A new quote arrived", text: "2025 Toyota RAV4" });
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toContain("no-reply@keyturn.test");
    expect(received[0]!.to[0]).toContain("buyer@example.com");
    expect(received[0]!.data).toContain("Subject: A new quote arrived");
    expect(received[0]!.data).toContain("2025 Toyota RAV4");
  });

  it("sends from the address the mail names, when it names one (the relay's forwards)", async () => {
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, "Keyturn <no-reply@keyturn.test>");
    const relay = "lead-0123456789abcdef0123456789abcdef@relay.keyturn.test";
    await mailer.send({ from: relay, to: "crm@dealer.example", subject: "Keyturn: new message", text: "hello" });
    const last = received.at(-1)!;
    expect(last.from).toContain(relay);
    expect(last.data).toMatch(new RegExp(`^From: ${relay}`, "m"));
    expect(last.data).not.toContain("no-reply@keyturn.test");
  });
});
