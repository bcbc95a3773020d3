import { Link } from "@remix-run/react";
import { GroupSchedule } from "~/components/bid-status/group-schedule";
import { PayoutSetup } from "~/components/bid-status/payout-setup";
import { PayeeLink } from "~/components/payee/payee-link";
import type { GroupAwardView } from "~/domain/group-award";
import { useSay, type DatesSaid } from "~/i18n/message-args";

// The award on the group's page: its amount and conditions, "Accept the conditions", the
// letter, the payment and the account it goes into, and the end-of-grant report once paid.

export function GroupAward({ base, award }: { base: string; award: DatesSaid<GroupAwardView> | null }) {
  const say = useSay();
  const t = say.t;
  if (!award) {
    return (
      <>
        <h2 id="award">{t("bid.award.heading")}</h2>
        <p>{t("bid.award.coming")}</p>
      </>
    );
  }
  return (
    <>
      <h2 id="award">{t("bid.award.heading")}</h2>
      <p>
        <strong className={award.statusTag}>{t(`bid.award.status.${award.status}`)}</strong>
      </p>
      <dl className="summary">
        <div>
          <dt>{t("bid.award.amount")}</dt>
          <dd>{say.arg(award.amount)}</dd>
        </div>
        <div>
          <dt>{t("bid.award.conditions")}</dt>
          <dd className="pre-line">{award.conditions}</dd>
        </div>
        {award.accepted ? (
          <div>
            <dt>{t("bid.award.accepted")}</dt>
            <dd>{say(award.accepted)}</dd>
          </div>
        ) : null}
      </dl>
      {award.canAccept ? (
        <>
          <p>{t("bid.award.mustAccept")}</p>
          <p>
            <Link to={`${base}/accept`} className="button">
              {t("bid.award.acceptButton")}
            </Link>
          </p>
        </>
      ) : null}
      {award.letter ? (
        <p>
          <a href={`${base}/letter.pdf`} download>
            {t("bid.award.letter")}
          </a>
        </p>
      ) : null}

      <h2 id="payment">{t("bid.payment.heading")}</h2>
      <p>{say(award.payment)}</p>
      {award.schedule ? <GroupSchedule schedule={award.schedule} /> : null}
      <PayoutSetup base={base} setup={award.setup} />
      <PayeeLink base={base} status={award.status} />
      {award.paid ? (
        <>
          <h2 id="report">{t("bid.report.heading")}</h2>
          <p>{t("bid.report.intro")}</p>
          <p>
            <Link to={`${base}/report`} className="button button--secondary">
              {t("bid.report.heading")}
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}
