-- Only pending jobs are ever scanned by workers.
CREATE INDEX "Job_pending_runAt" ON "Job" ("runAt") WHERE "status" = 'PENDING';
