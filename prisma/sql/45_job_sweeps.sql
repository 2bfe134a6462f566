-- The webhook sweep and a delivery's rerun look for a pending job of one delivery.
CREATE INDEX "Job_pending_delivery" ON "Job" (("payload"->>'deliveryId')) WHERE "status" = 'PENDING' AND "queue" = 'webhook.deliver';
-- The sweep scans only pending deliveries, oldest due first.
CREATE INDEX "WebhookDelivery_pending_due" ON "WebhookDelivery" ("nextAttemptAt") WHERE "status" = 'PENDING';
-- Pruning finds done jobs by age without reading the pending ones.
CREATE INDEX "Job_done_doneAt" ON "Job" ("doneAt") WHERE "status" = 'DONE';
