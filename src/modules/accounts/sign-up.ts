import { db } from "~/server/db";
import { AppError, isUniqueViolation } from "~/server/errors";
import { hashPassword } from "~/server/auth/password";
import { lookupZip } from "~/modules/geo/zip";
import type { TSignUpInput } from "~/modules/accounts/schemas";
import { BodyType } from "~/generated/prisma/enums";

const emailTaken = () => new AppError("CONFLICT", "An account with this email already exists.", { email: "This email is already registered. Sign in instead." });

/** Creates a customer, or a dealer or lender owner together with their (unverified) organisation. */
export async function signUp(input: TSignUpInput) {
  const place = input.role === "DEALER" ? lookupZip(input.zip ?? "") : null;
  if (input.role === "DEALER" && !place) {
    throw new AppError("BAD_REQUEST", "That ZIP code does not exist.", { zip: "We could not find this ZIP code." });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: input.role },
        select: { id: true, email: true, role: true },
      });
      if (input.role === "DEALER" && place) {
        // Sensible starting coverage; the owner tunes it on the coverage page.
        const dealer = await tx.dealer.create({
          data: {
            name: input.orgName!,
            street: "",
            city: place.city,
            state: place.state,
            zip: place.zip,
            lat: place.lat,
            lng: place.lng,
            serviceRadiusMiles: 50,
            makes: [],
            bodyTypes: Object.values(BodyType),
            sellsNew: true,
            sellsUsed: true,
            minPriceCents: 500_000,
            maxPriceCents: 15_000_000,
            dailyLeadCap: 50,
          },
          select: { id: true },
        });
        await tx.membership.create({ data: { userId: user.id, dealerId: dealer.id, role: "OWNER" } });
      }
      if (input.role === "LENDER") {
        const lender = await tx.lender.create({ data: { name: input.orgName!, policyActive: false }, select: { id: true } });
        await tx.membership.create({ data: { userId: user.id, lenderId: lender.id, role: "OWNER" } });
      }
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
}
