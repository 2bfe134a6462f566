import { forNext } from "~/server/rest/next";
import { postQuoteRoute } from "~/server/rest/inventory-routes";

export const dynamic = "force-dynamic";

export const POST = forNext(postQuoteRoute);
