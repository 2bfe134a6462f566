-- One accepted relay reply per (lead, Message-ID): a sending server's retry of a mail we already posted
-- (its connection dropped before our 250 reached it) is answered 250 again and posts nothing.
CREATE UNIQUE INDEX "RelayInbound_accepted_mail_key" ON "RelayInbound" ("leadId", "mailMessageId")
  WHERE "outcome" = 'ACCEPTED' AND "mailMessageId" IS NOT NULL;
