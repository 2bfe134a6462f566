import { z } from "zod";

const id = z.string().min(1).max(40);

export const MAX_CRM_ADDRESSES = 5;

export const addCrmAddressInput = z
  .object({ email: z.string().trim().toLowerCase().max(254, "That address is too long.").pipe(z.email("Enter an email address like leads@yourstore.com.")) })
  .strict();
export const crmAddressIdInput = z.object({ id }).strict();
export const saveCrmEndpointInput = z.object({ url: z.string().trim().max(500, "That URL is too long.").nullable() }).strict();
export const crmDeliveriesInput = z.object({ status: z.enum(["QUEUED", "SENT", "FAILED", "BOUNCED"]).optional() }).strict();
export const crmDeliveryIdInput = z.object({ id }).strict();
