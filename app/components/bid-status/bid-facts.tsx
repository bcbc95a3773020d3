import { Link } from "@remix-run/react";
import type { BidStatusView } from "~/domain/bid-status-view";
import { useSay, type DatesSaid } from "~/i18n/message-args";

// The bid's reference, group, round and dates, at the top of the group's page.

export function BidFacts({ bid }: { bid: DatesSaid<BidStatusView> }) {
  const say = useSay();
  const t = say.t;
  const lastChanged = say.arg(bid.lastChanged);
  return (
    <dl className="summary">
      <div>
        <dt>{t("bid.facts.reference")}</dt>
        <dd>{bid.reference}</dd>
      </div>
      <div>
        <dt>{t("bid.facts.group")}</dt>
        <dd>{bid.groupName}</dd>
      </div>
      <div>
        <dt>{t("bid.facts.round")}</dt>
        <dd>
          <Link to={`/rounds/${bid.round.slug}`}>{bid.round.title}</Link>
        </dd>
      </div>
      <div>
        <dt>{t("bid.facts.amount")}</dt>
        <dd>{bid.amount ? say.arg(bid.amount) : t("bid.facts.notGiven")}</dd>
      </div>
      <div>
        <dt>{t(bid.round.phase === "closed" ? "bid.facts.closed" : "bid.facts.closes")}</dt>
        <dd>{say.arg(bid.round.closes)}</dd>
      </div>
      {bid.submitted ? (
        <div>
          <dt>{t("bid.facts.submitted")}</dt>
          <dd>{say.arg(bid.submitted)}</dd>
        </div>
      ) : (
        <div>
          <dt>{t("bid.facts.started")}</dt>
          <dd>{say.arg(bid.started)}</dd>
        </div>
      )}
      <div>
        <dt>{t("bid.facts.lastChanged")}</dt>
        <dd>{bid.version > 1 ? t("bid.facts.version", { date: lastChanged, version: bid.version }) : lastChanged}</dd>
      </div>
      {bid.withdrawn ? (
        <div>
          <dt>{t("bid.facts.withdrawn")}</dt>
          <dd>{say.arg(bid.withdrawn)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
