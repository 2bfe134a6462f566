import { SOFT_PULL_TEXT } from "~/modules/consent/texts";
import { tierForScore } from "~/modules/lending/credit-tiers";
import { db } from "~/server/db";
import { sealInt } from "~/server/crypto";
import { AppError, badRequest, conflict } from "~/server/errors";
import { enforceRateLimit } from "~/server/rate-limit";
import { creditBureau, type CreditBureau } from "./credit-bureau";

// An instruction is for "check now", not a standing permission.
const INSTRUCTION_VALID_MS = 15 * 60 * 1000;

/**
 * The customer clicked "I agree" under the soft-pull text: record exactly what they saw, then pull.
 * The client sends the version it displayed; if the text changed since, we ask them to read it again.
 */
export async function requestSoftPull(
  userId: string,
  input: { agreed: boolean; textVersion: string; dateOfBirth: string; ssnLast4: string },
  bureau: CreditBureau = creditBureau(),
) {
  if (input.agreed !== true) throw badRequest("Tick the box to instruct us to check your credit.", { agreed: "Required to check your credit" });
  if (input.textVersion !== SOFT_PULL_TEXT.version) {
    throw badRequest("The wording of this permission has changed. Please read it again and agree.", { agreed: "Please read the updated text" });
  }
  await enforceRateLimit(`soft-pull:${userId}`, 5, 3600, "credit checks");
  const record = await db.consentRecord.create({
    data: { userId, kind: "SOFT_PULL", textVersion: SOFT_PULL_TEXT.version, textShown: SOFT_PULL_TEXT.text },
    select: { id: true },
  });
  return runSoftPull(userId, record.id, { dateOfBirth: input.dateOfBirth, ssnLast4: input.ssnLast4 }, bureau);
}

/**
 * The only code that calls a bureau. It refuses unless `consentId` is this customer's own recorded
 * SOFT_PULL instruction, for the current text, recent, and not already used by an earlier pull.
 * No click, no pull: the check lives here, not in the UI.
 */
export async function runSoftPull(
  userId: string,
  consentId: string,
  identity: { dateOfBirth: string; ssnLast4: string },
  bureau: CreditBureau = creditBureau(),
) {
  const [record, profile] = await Promise.all([
    db.consentRecord.findFirst({ where: { id: consentId, userId, kind: "SOFT_PULL" }, select: { textVersion: true, agreedAt: true } }),
    db.customerProfile.findUnique({ where: { userId }, select: { firstName: true, lastName: true, zip: true, creditPulledAt: true } }),
  ]);
  if (!record || record.textVersion !== SOFT_PULL_TEXT.version || Date.now() - record.agreedAt.getTime() > INSTRUCTION_VALID_MS) {
    throw new AppError("FORBIDDEN", "We need your instruction before checking your credit.");
  }
  if (!profile?.zip) throw badRequest("Save your name and ZIP code first: the credit bureau needs them to find you.", { ssnLast4: "Save your details above first" });
  if (profile.creditPulledAt && profile.creditPulledAt >= record.agreedAt) throw conflict("That instruction was already used. Agree again to run a new check.");

  const report = await bureau.softPull({ firstName: profile.firstName, lastName: profile.lastName, zip: profile.zip, ...identity });
  if (!report.found) return { found: false as const, bureau: report.bureau };

  const tier = tierForScore(report.score);
  await db.customerProfile.update({
    where: { userId },
    data: { creditScoreEnc: sealInt(report.score), creditTier: tier, creditSource: "BUREAU", creditPulledAt: new Date() },
    select: { id: true },
  });
  return { found: true as const, bureau: report.bureau, score: report.score, tier };
}
