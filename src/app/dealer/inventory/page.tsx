import { ButtonLink } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { InventoryBoard } from "./inventory-board";

export const metadata = { title: "Inventory" };

export default function InventoryPage() {
  return (
    <>
      <PageHeader
        title="Inventory"
        description="Your vehicles in stock. Search, edit a price or mark a vehicle sold."
        actions={<ButtonLink href="/dealer/inventory/import">Import a CSV</ButtonLink>}
      />
      <InventoryBoard />
    </>
  );
}
