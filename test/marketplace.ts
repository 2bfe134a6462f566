// Builders for request/lead/quote tests: a quiet corner of the map so other files' dealers never match.
import { TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { lookupZip } from "~/modules/geo/zip";
import { AppError } from "~/server/errors";
import type { CreateRequestInput } from "~/modules/requests/schemas";
import { db } from "~/server/db";
import { drainJobs } from "~/server/jobs/worker";
import { callerAs, makeDealer } from "./factories";

export const HOME_ZIP = "57701"; // Rapid City, SD
export const home = lookupZip(HOME_ZIP)!;
const MILES_PER_DEGREE_LAT = 69.17;

/** A dealer `miles` due north of the home ZIP centroid (negative: south). */
export function dealerNorthOf(miles: number, over: Parameters<typeof makeDealer>[0] = {}) {
  return makeDealer({ zip: HOME_ZIP, lat: home.lat + miles / MILES_PER_DEGREE_LAT, lng: home.lng, ...over });
}

export const baseRequest: CreateRequestInput = {
  bodyType: "SUV",
  condition: "NEW",
  makes: ["Toyota"],
  features: [],
  maxPriceCents: 4_000_000,
  downPaymentCents: 300_000,
  wantsFinancing: true,
  zip: HOME_ZIP,
  radiusMiles: 25,
  timeline: "WITHIN_MONTH",
  shareCredit: false,
};

/** Posts through the tRPC procedure, as the form does, then runs the fan-out job. */
export async function postRequest(customerId: string, over: Partial<CreateRequestInput> = {}) {
  const caller = await callerAs(customerId);
  const { id } = await caller.requests.create({ ...baseRequest, ...over });
  await drainJobs(["request.fan-out"]);
  return id;
}

export async function leadDealerIds(requestId: string, among: string[]) {
  const leads = await db.lead.findMany({ where: { requestId, dealerId: { in: among } }, select: { dealerId: true } });
  return leads.map((l) => l.dealerId).sort();
}

// A VIN with a correct check digit.
export const VALID_VIN = "1HGCM82633A004352";

export function quoteInput(leadId: string, over: Record<string, unknown> = {}) {
  return {
    leadId,
    year: 2025,
    make: "Toyota",
    model: "RAV4",
    trim: "XLE",
    vin: VALID_VIN,
    condition: "NEW" as const,
    mileage: 12,
    inStock: true,
    vehiclePriceCents: 3_450_000,
    feesCents: 89_900,
    addOnsCents: 0,
    incentivesCents: 100_000,
    tradeInOfferCents: 0,
    taxCents: 240_000,
    validUntil: new Date(Date.now() + 7 * 86_400_000),
    ...over,
  };
}

/** How a call failed, as the client would see it: code, message and the per-field messages. */
export async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; fields: Record<string, string> }> {
  try {
    await p;
    return { code: "ok", message: "", fields: {} };
  } catch (e) {
    if (!(e instanceof TRPCError)) return { code: `threw ${String(e)}`, message: "", fields: {} };
    const fields =
      e.cause instanceof AppError
        ? (e.cause.fields ?? {})
        : e.cause instanceof ZodError
          ? Object.fromEntries(Object.entries(z.flattenError(e.cause).fieldErrors).map(([k, v]) => [k, (v as string[])[0] ?? ""]))
          : {};
    return { code: e.code, message: e.message, fields };
  }
}
