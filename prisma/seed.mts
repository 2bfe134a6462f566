// The demo market: three real metros, ~60 dealers on real ZIP centroids, five lenders whose auto-decision
// tiers follow the Experian APR table, three buyers with different credit, and an admin.
// Runs once: a database that already has the demo admin is left alone.
import zipcodes from "zipcodes";
import { db } from "~/server/db";
import { hashPassword } from "~/server/auth/password";
import { seal, sealInt } from "~/server/crypto";
import { CREDIT_TIERS, tierForScore } from "~/modules/lending/credit-tiers";
import { BodyType } from "~/generated/prisma/enums";
import { demoStock, type DemoDealer } from "~/modules/inventory/demo-stock";

export const DEMO_PASSWORD = "keyturn-demo-1";

const METROS = [
  { name: "Phoenix", zip: "85004" },
  { name: "Dallas", zip: "75201" },
  { name: "Atlanta", zip: "30303" },
];
const DEALERS_PER_METRO = 20;

const MAKES = ["Toyota", "Honda", "Ford", "Chevrolet", "Nissan", "Hyundai", "Kia", "Subaru", "Mazda", "Jeep", "Ram", "GMC", "BMW", "Mercedes-Benz", "Lexus", "Volkswagen", "Tesla"];
const NAMES = ["Auto Plaza", "Motors", "Auto Group", "Car Center", "Autos", "Motor Co.", "Auto Mall", "Drive"];
const STREETS = ["Main St", "Camelback Rd", "Central Ave", "Commerce St", "Peachtree St", "Industrial Blvd", "Auto Mall Dr", "Frontage Rd"];

// Deterministic, so every demo shows the same market.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemo() {
  if (await db.user.findUnique({ where: { email: "admin@demo.keyturn" }, select: { id: true } })) {
    console.log("Demo data already present; leaving it as it is.");
    return;
  }
  const rand = rng(42);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const sample = <T,>(xs: readonly T[], n: number) => [...xs].sort(() => rand() - 0.5).slice(0, n);
  // One hash for every demo account: hashing is deliberately slow and they share a password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.user.create({ data: { email: "admin@demo.keyturn", name: "Morgan Admin", passwordHash, role: "ADMIN" } });

  let n = 0;
  const stocked: { n: number; dealer: DemoDealer }[] = [];
  for (const metro of METROS) {
    const zips = zipcodes.radius(metro.zip, 30) as string[];
    for (let i = 0; i < DEALERS_PER_METRO; i++) {
      n++;
      // The first dealer in each metro sits at the centre and sells broadly, so demo requests reach it.
      const place = zipcodes.lookup(i === 0 ? metro.zip : pick(zips));
      if (!place) continue;
      const luxury = rand() < 0.2;
      const makes = i === 0 ? ["Toyota", "Honda", "Ford", "Chevrolet", "Hyundai"] : sample(MAKES, 2 + Math.floor(rand() * 3));
      const min = luxury ? 2_500_000 : 500_000 + Math.floor(rand() * 4) * 250_000;
      const max = luxury ? 15_000_000 : 4_500_000 + Math.floor(rand() * 6) * 1_000_000;
      const dealer = await db.dealer.create({
        data: {
          name: `${place.city} ${makes[0]} ${pick(NAMES)}`,
          street: `${100 + Math.floor(rand() * 9800)} ${pick(STREETS)}`,
          city: place.city,
          state: place.state,
          zip: place.zip,
          // Derived from the counter, not rand(), so the rest of the seeded data stays as it was.
          phone: `555-${String(100 + n).padStart(3, "0")}-${String(1000 + n * 37).slice(-4)}`,
          lat: place.latitude,
          lng: place.longitude,
          serviceRadiusMiles: i === 0 ? 60 : pick([15, 25, 35, 50, 75]),
          makes,
          bodyTypes: i === 0 ? Object.values(BodyType) : sample(Object.values(BodyType), 3 + Math.floor(rand() * 4)),
          sellsNew: i === 0 || rand() < 0.7,
          sellsUsed: i === 0 || rand() < 0.8,
          minPriceCents: min,
          maxPriceCents: max,
          dailyLeadCap: pick([10, 25, 50, 100]),
          // The first dealer of each metro is a demo login: always verified (only verified dealers get leads).
          verified: rand() < 0.85 || i === 0,
        },
        select: { id: true, name: true, makes: true, bodyTypes: true, sellsNew: true, sellsUsed: true, minPriceCents: true, maxPriceCents: true },
      });
      stocked.push({ n, dealer });
      await db.user.create({
        data: {
          email: `dealer${n}@demo.keyturn`,
          name: `${pick(["Alex", "Jordan", "Sam", "Riley", "Casey", "Taylor"])} at ${dealer.name}`,
          passwordHash,
          role: "DEALER",
          membership: { create: { dealerId: dealer.id, role: "OWNER" } },
        },
      });
    }
  }

  // Each dealer's stock comes from its own seeded stream, so adding stock left the rest of the market as it was.
  const now = new Date();
  const units = stocked.flatMap(({ n, dealer }) => demoStock(dealer, rng(10_000 + n), now));
  await db.inventoryUnit.createMany({ data: units });

  // Five lenders: a prime bank, a credit union, a captive-style lender, a near-prime and a subprime specialist.
  const lenders = [
    { name: "Summit National Bank", offsetBps: 0, tiers: ["SUPER_PRIME", "PRIME"], maxTerm: 72, maxAmount: 12_000_000, pti: 1500 },
    { name: "Canyon Credit Union", offsetBps: -25, tiers: ["SUPER_PRIME", "PRIME", "NEAR_PRIME"], maxTerm: 84, maxAmount: 9_000_000, pti: 1600 },
    { name: "Horizon Auto Finance", offsetBps: 15, tiers: ["SUPER_PRIME", "PRIME", "NEAR_PRIME", "SUBPRIME"], maxTerm: 84, maxAmount: 10_000_000, pti: 1700 },
    { name: "Bridgeway Lending", offsetBps: 40, tiers: ["PRIME", "NEAR_PRIME", "SUBPRIME"], maxTerm: 75, maxAmount: 6_000_000, pti: 1800 },
    { name: "Second Gear Finance", offsetBps: 60, tiers: ["NEAR_PRIME", "SUBPRIME", "DEEP_SUBPRIME"], maxTerm: 72, maxAmount: 4_000_000, pti: 2000 },
  ] as const;
  for (const [i, l] of lenders.entries()) {
    await db.lender.create({
      data: {
        name: l.name,
        verified: true,
        policyActive: true,
        policyBodyTypes: Object.values(BodyType),
        tiers: {
          create: CREDIT_TIERS.filter((t) => (l.tiers as readonly string[]).includes(t.tier)).map((t) => ({
            minScore: t.minScore,
            maxScore: t.maxScore,
            aprNewBps: t.aprNewBps + l.offsetBps,
            aprUsedBps: t.aprUsedBps + l.offsetBps,
            maxTermMonths: l.maxTerm,
            maxAmountCents: l.maxAmount,
            maxPtiBps: l.pti,
          })),
        },
        members: {
          create: {
            role: "OWNER",
            user: { create: { email: `lender${i + 1}@demo.keyturn`, name: `Underwriting at ${l.name}`, passwordHash, role: "LENDER" } },
          },
        },
      },
    });
  }

  const buyers = [
    { email: "ava@demo.keyturn", first: "Ava", last: "Martinez", zip: "85004", street: "221 N Central Ave", phone: "602-555-0142", score: 792, income: 11_800_000, housing: 190_000 },
    { email: "ben@demo.keyturn", first: "Ben", last: "Okafor", zip: "75201", street: "1800 Main St", phone: "214-555-0178", score: 642, income: 6_400_000, housing: 145_000 },
    { email: "cara@demo.keyturn", first: "Cara", last: "Nguyen", zip: "30303", street: "55 Park Pl NE", phone: "404-555-0119", score: 571, income: 4_200_000, housing: 110_000 },
  ];
  for (const b of buyers) {
    const place = zipcodes.lookup(b.zip)!;
    await db.user.create({
      data: {
        email: b.email,
        name: `${b.first} ${b.last}`,
        passwordHash,
        role: "CUSTOMER",
        profile: {
          create: {
            firstName: b.first,
            lastName: b.last,
            phone: b.phone,
            street: b.street,
            city: place.city,
            state: place.state,
            zip: b.zip,
            employer: "Demo Employer Inc.",
            annualIncomeEnc: sealInt(b.income),
            housingCostEnc: sealInt(b.housing),
            creditScoreEnc: seal(String(b.score)),
            creditTier: tierForScore(b.score),
            creditSource: "SELF_REPORTED",
          },
        },
      },
    });
  }
  console.log(`Seeded ${n} dealers (${units.length} vehicles in stock) in ${METROS.length} metros, ${lenders.length} lenders, ${buyers.length} buyers and an admin.`);
}

// Run directly (`tsx prisma/seed.mts`), or imported by test fixtures.
if (import.meta.url === `file://${process.argv[1]}`) {
  await seedDemo();
  await db.$disconnect();
}
