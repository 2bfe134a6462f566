import { PageHeader } from "~/components/ui/card";
import { ImportFlow } from "./import-flow";

export const metadata = { title: "Import inventory" };

export default function ImportPage() {
  return (
    <>
      <PageHeader title="Import inventory" description="Upload a CSV exported from your DMS or inventory tool. Nothing is saved until you confirm the preview." />
      <ImportFlow />
    </>
  );
}
