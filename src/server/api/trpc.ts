import { initTRPC, TRPCError } from "@trpc/server";
import { wire } from "~/lib/wire";
import { z, ZodError } from "zod";
import { AppError, errorStatus } from "~/server/errors";
import { findInputProblem } from "~/server/input-text";
import { summarizeIssues } from "~/lib/zod";
import type { Actor } from "~/server/auth/session";
import { enforceRateLimit } from "~/server/rate-limit";
import { clientIp } from "~/server/client-ip";
import type { Role } from "~/generated/prisma/client";

export type Context = { actor: Actor | null; headers: Headers };

/** Who may call a procedure. Every procedure declares one; src/server/api/policy.int.test.ts enforces it. */
export type Policy = "public" | "authenticated" | Lowercase<Role>;
export type Meta = { policy: Policy };

const trpcCode = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
} as const satisfies Record<keyof typeof errorStatus, TRPCError["code"]>;

/**
 * Every procedure's input, from every transport (batched queries, mutations, subscriptions), passes
 * through here as parsed JSON before the wire format (src/lib/wire.ts) or any schema sees it: text PostgreSQL cannot store and
 * prototype keys (which object spreads would silently drop) are refused with a 400, once, for all procedures.
 */
function deserializeInput(raw: unknown) {
  const problem = findInputProblem(raw);
  if (problem) {
    // A refused key is no form field (and no client sends "__proto__" as one); bad text is.
    const field = problem.path.replace(/^json\.?/, "") || "input";
    const cause = new AppError("BAD_REQUEST", problem.message, problem.kind === "text" ? { [field]: problem.message } : undefined);
    throw new TRPCError({ code: "BAD_REQUEST", message: problem.message, cause });
  }
  return wire.deserialize(raw);
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: { input: { serialize: wire.serialize, deserialize: deserializeInput }, output: wire },
    errorFormatter({ shape, error }) {
      const app = error.cause instanceof AppError ? error.cause : null;
      const zod = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      return {
        ...shape,
        // Never ship stack traces to the browser.
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          appCode: app?.code ?? null,
          fields: app?.fields ?? (zod ? Object.fromEntries(Object.entries(zod.fieldErrors).map(([k, v]) => [k, (v as string[])[0] ?? "Invalid"])) : null),
          retryAfterSeconds: app?.retryAfterSeconds ?? null,
        },
        message: zod
          ? summarizeIssues(error.cause instanceof ZodError ? error.cause.issues : [])
          : shape.data.code === "INTERNAL_SERVER_ERROR" && !app
            ? "Something went wrong on our side. Please try again."
            : shape.message,
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

const toTRPCError = (cause: AppError) => new TRPCError({ code: trpcCode[cause.code], message: cause.message, cause });

const isAsyncIterable = (v: unknown): v is AsyncIterable<unknown> =>
  typeof v === "object" && v !== null && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";

/** A subscription's access checks run inside its generator, after the middleware returned: map them there too. */
async function* mapStreamErrors(source: AsyncIterable<unknown>) {
  try {
    yield* source;
  } catch (e) {
    if (e instanceof AppError) throw toTRPCError(e);
    throw e;
  }
}

// Use-cases throw AppError; this is the one place that maps them to tRPC errors.
const mapErrors = t.middleware(async ({ type, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    console.error("[trpc]", result.error.cause ?? result.error);
  }
  if (result.ok && type === "subscription" && isAsyncIterable(result.data)) return { ...result, data: mapStreamErrors(result.data) };
  return result;
});

// Mutations are rate limited per signed-in user, and per client address when anonymous.
const MUTATIONS_PER_MINUTE = 300;
const ANONYMOUS_MUTATIONS_PER_MINUTE = 60;
const limitMutations = t.middleware(async ({ ctx, type, next }) => {
  if (type === "mutation") {
    const key = ctx.actor ? `mut:user:${ctx.actor.userId}` : `mut:ip:${clientIp(ctx.headers)}`;
    await enforceRateLimit(key, ctx.actor ? MUTATIONS_PER_MINUTE : ANONYMOUS_MUTATIONS_PER_MINUTE, 60, "changes");
  }
  return next();
});

const base = t.procedure.use(mapErrors).use(limitMutations);

export const publicProcedure = base.meta({ policy: "public" });

const signedIn = base.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

export const authenticatedProcedure = signedIn.meta({ policy: "authenticated" });

function requireRole(role: Role) {
  return signedIn.use(({ ctx, next }) => {
    if (ctx.actor.role !== role) throw new TRPCError({ code: "FORBIDDEN", message: "This area is not available to your account." });
    return next();
  });
}

export const customerProcedure = requireRole("CUSTOMER").meta({ policy: "customer" });
export const adminProcedure = requireRole("ADMIN").meta({ policy: "admin" });

// Dealer and lender procedures narrow ctx so later code cannot forget which organisation acts.
export const dealerProcedure = requireRole("DEALER")
  .use(({ ctx, next }) => {
    if (!ctx.actor.dealerId) throw new TRPCError({ code: "FORBIDDEN", message: "Your account is not attached to a dealership." });
    return next({ ctx: { ...ctx, dealerId: ctx.actor.dealerId } });
  })
  .meta({ policy: "dealer" });

export const lenderProcedure = requireRole("LENDER")
  .use(({ ctx, next }) => {
    if (!ctx.actor.lenderId) throw new TRPCError({ code: "FORBIDDEN", message: "Your account is not attached to a lender." });
    return next({ ctx: { ...ctx, lenderId: ctx.actor.lenderId } });
  })
  .meta({ policy: "lender" });
