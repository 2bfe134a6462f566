import { notFound } from "next/navigation";
import { Card, PageHeader } from "~/components/ui/card";
import { ButtonLink } from "~/components/ui/button";
import { currentActor } from "~/server/auth/session";
import { AppError } from "~/server/errors";
import { getNotice } from "~/modules/lending/console";
import { formatCents } from "~/modules/lending/amortization";

export const metadata = { title: "Notice of action taken" };

/** The adverse-action notice a declined pre-approval produces: reasons, the score used, the buyer's rights. */
export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) notFound();
  const notice = await getNotice(actor.userId, id.slice(0, 40)).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const q = notice.preApproval.quote;
  const date = notice.createdAt.toLocaleDateString("en-US", { dateStyle: "long" });
  return (
    <>
      <PageHeader
        title="Notice of action taken"
        description={`${notice.lender.name} · ${date}`}
        actions={<ButtonLink href={`/customer/requests/${notice.preApproval.requestId}`} variant="secondary">Back to your request</ButtonLink>}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_340px]">
        <Card>
          <article className="space-y-5 text-sm leading-relaxed text-slate-700" data-testid="adverse-action-notice">
            <p>
              Thank you for sharing your credit profile. <strong className="text-ink">{notice.lender.name}</strong> did not pre-approve financing of{" "}
              <strong className="text-ink">{formatCents(notice.preApproval.amountCents)}</strong> for the {q.year} {q.make} {q.model} you were quoted. Other lenders’ decisions on your request are not affected.
            </p>
            <section aria-labelledby="reasons">
              <h2 id="reasons" className="text-base font-semibold text-ink">Principal reasons</h2>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {notice.reasons.map((r) => <li key={r}>{r}</li>)}
              </ul>
            </section>
            <section aria-labelledby="score">
              <h2 id="score" className="text-base font-semibold text-ink">Your credit score</h2>
              {notice.scoreUsed !== null ? (
                <p className="mt-1">
                  The decision used a credit score of <strong className="text-ink">{notice.scoreUsed}</strong> (scores range from 300 to 850). Source: {notice.scoreSource}.
                </p>
              ) : (
                <p className="mt-1">The lender did not state a score. Source: {notice.scoreSource}.</p>
              )}
            </section>
            <section aria-labelledby="rights">
              <h2 id="rights" className="text-base font-semibold text-ink">Your rights</h2>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                <li>You have the right to a <strong className="text-ink">free copy of your credit report</strong> from the consumer reporting agency that supplied it if you ask within <strong className="text-ink">60 days</strong> of this notice. You can also get free reports at annualcreditreport.com.</li>
                <li>You have the right to <strong className="text-ink">dispute</strong> the accuracy or completeness of any information in your report directly with the consumer reporting agency.</li>
                <li>The agency did not make this decision and cannot explain why it was made.</li>
                <li>The federal Equal Credit Opportunity Act prohibits creditors from discriminating against applicants on the basis of race, color, religion, national origin, sex, marital status or age, because income comes from public assistance, or because a right under the Consumer Credit Protection Act was exercised in good faith.</li>
              </ul>
            </section>
          </article>
        </Card>
        <Card className="h-fit">
          <h2 className="text-base font-semibold text-ink">What you can do now</h2>
          <ul className="mt-2 space-y-2 text-sm text-slate-700">
            <li>Compare the offers other lenders made on your request.</li>
            <li>A larger down payment lowers the amount financed and can change a decision.</li>
            <li>If your income or credit details are out of date, update your profile before your next request.</li>
          </ul>
          <ButtonLink href="/customer/profile" variant="secondary" className="mt-4 w-full">Review your profile</ButtonLink>
        </Card>
      </div>
    </>
  );
}
