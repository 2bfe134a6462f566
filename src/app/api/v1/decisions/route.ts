import { apiRoute, parseQuery } from "~/server/rest/handler";
import { listQuerySchema } from "~/modules/lending/schemas";
import { listDecisions } from "~/modules/lending/lender-api";

export const dynamic = "force-dynamic";

const query = listQuerySchema.omit({ status: true });

export const GET = apiRoute(async ({ req, caller }) => ({ body: await listDecisions(caller, parseQuery(req, query)) }));
