import { PageHeader } from "~/components/ui/card";
import { DealerFeedback } from "~/components/ratings/dealer-feedback";

export const metadata = { title: "Buyer feedback" };

export default function FeedbackPage() {
  return (
    <>
      <PageHeader title="Buyer feedback" description="Ratings from buyers after delivery, the reasons they ticked, their comments with your one public answer, and what would raise your place in buyers' inboxes." />
      <DealerFeedback />
    </>
  );
}
