import { PageHeader } from "~/components/ui/card";
import { AdminRatings } from "~/components/ratings/admin-ratings";

export const metadata = { title: "Ratings" };

export default function AdminRatingsPage() {
  return (
    <>
      <PageHeader title="Ratings" description="The newest buyer ratings with a comment. Hiding a comment removes its text (and the dealer's answer) from buyers' quotes; the dealer sees your reason. The stars and reasons still count." />
      <AdminRatings />
    </>
  );
}
