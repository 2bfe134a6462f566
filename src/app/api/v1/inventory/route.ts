import { forNext } from "~/server/rest/next";
import { listInventoryRoute, putInventoryRoute } from "~/server/rest/inventory-routes";

export const dynamic = "force-dynamic";

export const GET = forNext(listInventoryRoute);
export const PUT = forNext(putInventoryRoute);
