import { forNext } from "~/server/rest/next";
import { postDecisionRoute } from "~/server/rest/routes";

export const dynamic = "force-dynamic";

export const POST = forNext(postDecisionRoute);
