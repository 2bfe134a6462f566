import { apiRoute, parseQuery } from "~/server/rest/handler";
import { listQuerySchema } from "~/modules/lending/schemas";
import { listPreApprovals } from "~/modules/lending/lender-api";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, caller }) => ({ body: await listPreApprovals(caller, parseQuery(req, listQuerySchema)) }));
