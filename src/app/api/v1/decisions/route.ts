import { forNext } from "~/server/rest/next";
import { listDecisionsRoute } from "~/server/rest/routes";

export const dynamic = "force-dynamic";

export const GET = forNext(listDecisionsRoute);
