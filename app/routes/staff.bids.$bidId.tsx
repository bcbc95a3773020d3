import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BidSummary } from "~/components/bid-summary";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { BidFacts } from "~/components/staff-bid/bid-facts";
import { BidHistory } from "~/components/staff-bid/bid-history";
import { BidVersions } from "~/components/staff-bid/bid-versions";
import { ShortlistForms } from "~/components/staff-bid/shortlist-forms";
import { allowedDecisions, describeBidEvent, reviewDecisionSchema, snapshotRows, STATUS_LABELS, STATUS_TAG_CLASSES } from "~/domain/bid-review";
import { formatMoney } from "~/domain/money";
import { ownWordsLang } from "~/domain/own-words";
import { can } from "~/domain/permissions";
import { formatDateTime } from "~/domain/zoned-time";
import { getBidForReview } from "~/models/bid-list.server";
import { bidAnswers } from "~/models/bid.server";
import { reviewBid } from "~/models/shortlist.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.bid.reference ?? "Bid"} ${data?.bid.groupName ?? ""} – Pitchday` },
];

const MISSING = "There is no bid at this address. It may have been typed wrongly.";

const NOTICES: Record<string, string> = {
  shortlist: "Bid shortlisted. The group has been emailed and sees this on its status page.",
  decline: "Bid not shortlisted. The group has been emailed the reason and sees it on its status page.",
  reset: "Decision undone. The bid is back to submitted and the group has been told it is being looked at again.",
};

const CONTACT_FIELDS = new Set(["contactName", "contactEmail", "contactPhone"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bid:read");
  const review = await getBidForReview(routeParam(params, "bidId"));
  if (!review) throw notFound(MISSING);
  const { bid, trail } = review;
  const { currency, timeZone } = bid.round.fund;
  const when = (at: Date) => formatDateTime(at, timeZone);
  const money = (pence: number) => formatMoney(pence, currency);
  // why: contact details are personal data; organisers need them to run the round, others do not.
  const seesContact = can(user, "fund:manage");
  return {
    notice: NOTICES[new URL(request.url).searchParams.get("notice") ?? ""] ?? null,
    seesContact,
    personalData: can(user, "personal-data:export"),
    decisions: can(user, "bid:shortlist") ? allowedDecisions(bid.status) : [],
    bid: {
      id: bid.id,
      reference: bid.reference,
      groupName: bid.groupName,
      projectTitle: bid.projectTitle,
      // why: the group's own words are marked lang="cy" when they wrote in Welsh; the page stays English.
      lang: ownWordsLang(bid.language),
      status: STATUS_LABELS[bid.status],
      tag: STATUS_TAG_CLASSES[bid.status],
      statusReason: bid.statusReason,
      version: bid.version,
      started: when(bid.createdAt),
      sent: bid.submittedAt ? when(bid.submittedAt) : null,
      withdrawn: bid.withdrawnAt ? when(bid.withdrawnAt) : null,
      contactErased: Boolean(bid.contact?.erasedAt),
      round: { id: bid.round.id, title: bid.round.title },
      fund: { id: bid.round.fund.id, name: bid.round.fund.name },
    },
    answers: bidAnswers(bid).filter((a) => seesContact || !CONTACT_FIELDS.has(a.field)),
    slots: bid.slots.map((s) => ({ event: s.event.title, position: s.position })),
    versions: bid.versions.map((v) => ({ version: v.version, at: when(v.createdAt), rows: snapshotRows(v.snapshot, money) })),
    trail: trail
      .slice()
      .reverse()
      .map((entry) => ({ seq: entry.seq, at: when(entry.at), who: entry.actor, ...describeBidEvent(entry.action, entry.payload) })),
  };
}

type ActionData = { errors: Record<string, string>; values: Record<string, string | string[]>; problem?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "bid:shortlist");
  const bidId = routeParam(params, "bidId");
  const submission = parseForm(reviewDecisionSchema, await readForm(request));
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await reviewBid(bidId, submission.data, { type: "user", id: user.id });
  if (!result.ok && "notFound" in result) throw notFound(MISSING);
  if (!result.ok) return data<ActionData>({ errors: {}, values: submission.values, problem: result.error }, { status: 409 });
  return redirect(`/staff/bids/${bidId}?notice=${submission.data.decision}`);
}

export default function BidPage() {
  const { bid, answers, versions, trail, slots, decisions, notice, seesContact, personalData } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const errors = result?.errors ?? {};

  return (
    <>
      <p>
        <Link to={`/staff/rounds/${bid.round.id}/bids`}>Back to the bids for {bid.round.title}</Link>
      </p>
      {notice ? (
        <div className="notice notice--success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      {result?.problem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>This decision was not saved</h2>
          <p>{result.problem}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={{ decision: "Decision", reason: "Reason" }} />

      <span className="hint">{`${bid.fund.name}: ${bid.round.title}`}</span>
      <h1>
        {`${bid.reference}: `}
        <span lang={bid.lang}>{bid.groupName}</span>
      </h1>
      <p>
        <strong className={bid.tag}>{bid.status}</strong>
      </p>
      {decisions.length > 0 ? (
        <p>
          <a href={decisions.includes("reset") ? "#undo" : "#decide"}>
            {decisions.includes("reset") ? "Go to undo the decision" : "Go to the shortlist decision"}
          </a>
        </p>
      ) : null}
      {bid.statusReason ? (
        <div className="notice">
          <p>
            <strong>What the group sees as the reason:</strong> {bid.statusReason}
          </p>
        </div>
      ) : null}
      <BidFacts bid={bid} slots={slots} />

      <h2>The bid</h2>
      {seesContact ? (
        bid.contactErased ? <p className="hint">The contact details were erased at the group's request.</p> : null
      ) : (
        <p className="hint">Contact details are shown to organisers only.</p>
      )}
      <BidSummary answers={answers} lang={bid.lang} />

      <ShortlistForms decisions={decisions} errors={errors} values={result?.values ?? {}} />

      {personalData ? (
        <p>
          <Link to={`/staff/bids/${bid.id}/personal-data`}>Personal data held about this group</Link> (export
          or erase the contact details)
        </p>
      ) : null}

      <BidVersions versions={versions} />

      <BidHistory trail={trail} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
