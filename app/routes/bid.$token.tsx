import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BidFacts } from "~/components/bid-status/bid-facts";
import { BidNotice } from "~/components/bid-status/bid-notice";
import { NextSteps } from "~/components/bid-status/next-steps";
import { BidSummary } from "~/components/bid-summary";
import { Feedback, GroupDecision } from "~/components/decision/group-decision";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BidOutcomePending } from "~/components/live/bid-outcome-pending";
import { groupAwardView } from "~/domain/group-award";
import { awardForBid } from "~/models/award.server";
import { announcementForBid } from "~/models/award-reveal.server";
import { bidStatusView } from "~/domain/bid-status-view";
import { bidAnswers } from "~/models/bid.server";
import { requireBidByToken } from "~/requests/bid-link.server";
import { liveState } from "~/models/event.server";
import { paymentsConfigured } from "~/services/payments/stripe.server";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { htmlLang, isLang } from "~/i18n/lang";
import { requestLang } from "~/i18n/language-cookie.server";
import { sayDates } from "~/i18n/dates-said.server";

// The group's own page, reached by the private link: where the bid stands and what comes next.

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: d ? pageTitle(matches, "bid.page.title", { reference: d.bid.reference }) : pageTitle(matches, "bid.page.titleUnknown") },
  // why: the address is a secret; keep it out of search engines and referrers.
  { name: "robots", content: "noindex, nofollow" },
];

const NOTICES = {
  "draft-saved": "draft-saved",
  "changes-saved": "changes-saved",
  withdrawn: "withdrawn",
  accepted: "accepted",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(request, params.token);
  const notice = new URL(request.url).searchParams.get("notice") ?? "";
  const view = bidStatusView(bid, new Date());
  // The outcome waits for the awards reveal in the hall; until then not even this page's data carries it.
  const decided = bid.status === "FUNDED" || bid.status === "NOT_FUNDED";
  const announcement = decided ? await announcementForBid(bid.id) : null;
  const live = announcement && !announcement.announced ? await liveState(announcement.eventId) : null;
  const pending = announcement && live ? { eventTitle: announcement.eventTitle, live } : null;
  // Award and payment: only once the funder's decision is confirmed and announced.
  const award = bid.status === "FUNDED" && !pending ? await awardForBid(bid.id) : null;
  const { currency, timeZone } = bid.round.fund;
  const lang = await requestLang(request);
  return sayDates(lang, {
    token: params.token as string,
    award: award ? groupAwardView({ ...award, recipient: award.bid.recipient }, { currency, timeZone, stripe: paymentsConfigured() }) : null,
    // why: the page's data reaches the browser whole; pending, it says only "shortlisted, decision made".
    bid: pending ? { ...view, status: "SHORTLISTED" as const, decisionMade: true, statusTag: "tag tag--grey", statusReason: null, feedback: null } : view,
    pending,
    answers: bidAnswers(bid, lang),
    notice: notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null,
  });
}

export default function BidStatus() {
  const { token, bid, answers, notice, award, pending } = useLoaderData<typeof loader>();
  const base = `/bid/${token}`;
  const t = useT();
  return (
    <>
      <BidNotice notice={notice} bid={bid} />

      <span className="caption">{t("bid.caption", { reference: bid.reference })}</span>
      <h1>{bid.projectTitle || bid.groupName}</h1>
      <p>
        <strong className={bid.statusTag}>{t(bid.decisionMade ? "bid.status.decisionMade" : `bid.status.${bid.status}`)}</strong>
      </p>

      <BidFacts bid={bid} />

      <h2>{t("bid.next.heading")}</h2>
      {pending ? <BidOutcomePending live={pending.live} eventTitle={pending.eventTitle} reloadTo={base} /> : <NextSteps bid={bid} />}

      {!pending && (bid.status === "FUNDED" || bid.status === "NOT_FUNDED") ? (
        <GroupDecision base={base} funded={bid.status === "FUNDED"} feedback={bid.feedback} feedbackLang={bid.language} award={award} />
      ) : null}

      {bid.statusReason && (bid.status === "DECLINED" || bid.status === "SHORTLISTED") ? (
        <>
          <h3>{t("bid.feedback.heading")}</h3>
          <Feedback text={bid.statusReason} lang={bid.language} />
        </>
      ) : null}

      {bid.access.lockedKey && bid.status !== "WITHDRAWN" ? (
        <div className="notice notice--warning">
          <p>{t(bid.access.lockedKey)}</p>
        </div>
      ) : null}

      <div className="button-group">
        {bid.access.canSubmit ? (
          <>
            <Link to={`${base}/edit`} className="button">
              {t("bid.button.continue")}
            </Link>
            <Link to={`${base}/check`} className="button button--secondary">
              {t("bid.button.check")}
            </Link>
          </>
        ) : bid.access.canEdit ? (
          <Link to={`${base}/edit`} className="button button--secondary">
            {t("bid.button.change")}
          </Link>
        ) : null}
        {bid.access.canWithdraw ? (
          <Link to={`${base}/withdraw`} className="button button--warning">
            {t("bid.button.withdraw")}
          </Link>
        ) : null}
      </div>

      <h2>{t("bid.answers.heading")}</h2>
      <BidSummary answers={answers} lang={isLang(bid.language) ? htmlLang(bid.language) : undefined} />

      <h2>{t("bid.keep.heading")}</h2>
      <p>{t("bid.keep.text")}</p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
