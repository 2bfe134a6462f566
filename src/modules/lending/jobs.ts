import { z } from "zod";
import { defineJob } from "~/server/jobs/define";
import { cancelQuotePreApprovals, preApproveQuote } from "~/modules/lending/pre-approve-quote";
import { deliverWebhook } from "~/modules/webhooks/deliver";

const quoteJob = z.object({ quoteId: z.string().min(1).max(40) });

export const lendingJobs = [
  defineJob({ id: "lending.pre-approve-quote", schema: quoteJob, handler: async ({ quoteId }) => void (await preApproveQuote(quoteId)) }),
  defineJob({
    id: "lending.cancel-quote",
    schema: quoteJob.extend({ keepPreApprovalId: z.string().min(1).max(40).optional() }),
    handler: async ({ quoteId, keepPreApprovalId }) => void (await cancelQuotePreApprovals(quoteId, keepPreApprovalId)),
  }),
  // Retries are scheduled by the delivery itself (recorded on WebhookDelivery); the job is one attempt.
  defineJob({
    id: "webhook.deliver",
    pool: "webhooks",
    schema: z.object({ deliveryId: z.string().min(1).max(40) }),
    maxAttempts: 3,
    handler: async ({ deliveryId }, { jobId }) => void (await deliverWebhook(deliveryId, { jobId })),
  }),
];
