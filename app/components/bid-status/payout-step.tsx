import { useT } from "~/i18n/i18n-context";

// The group's "Set up payment" page, at each step of Stripe's onboarding: what it involves,
// set up, being checked, unfinished, or why it cannot be done now.

export type PayoutStep =
  | { kind: "intro"; started: boolean }
  | { kind: "ready" }
  | { kind: "checking" }
  | { kind: "unfinished" }
  | { kind: "notConfigured" }
  | { kind: "problem"; message: string };

export function PayoutStepView({ step, paid, groupName, start }: { step: PayoutStep; paid: boolean; groupName: string; start: string }) {
  const t = useT();
  // why plain links to `start`: they leave for Stripe's pages (see the route's note).
  switch (step.kind) {
    case "intro":
      return (
        <>
          <h1>{t(step.started ? "bid.payout.continueButton" : "bid.payout.startButton")}</h1>
          <p className="lead">{t("bid.payoutPage.intro", { group: groupName })}</p>
          <h2>{t("bid.payoutPage.need")}</h2>
          <ul>
            <li>{t("bid.payoutPage.needBank")}</li>
            <li>{t("bid.payoutPage.needPerson")}</li>
            <li>{t("bid.payoutPage.needTime")}</li>
          </ul>
          <p>{t("bid.payoutPage.privacy")}</p>
          <p>
            <a href={start} className="button">
              {t("bid.payoutPage.toStripe")}
            </a>
          </p>
        </>
      );
    case "ready":
      return (
        <>
          <h1>{t(paid ? "bid.payoutPage.paidHeading" : "bid.payoutPage.readyHeading")}</h1>
          <div className="panel-confirm">
            <p>{t(paid ? "bid.payoutPage.paidText" : "bid.payoutPage.readyText")}</p>
          </div>
          <h2>{t("bid.next.heading")}</h2>
          <p>{t(paid ? "bid.payoutPage.paidNext" : "bid.payoutPage.readyNext")}</p>
        </>
      );
    case "checking":
      return (
        <>
          <h1>{t("bid.payoutPage.checkingHeading")}</h1>
          <p className="lead">{t("bid.payoutPage.checkingLead")}</p>
          <h2>{t("bid.next.heading")}</h2>
          <p>{t("bid.payoutPage.checkingNext")}</p>
        </>
      );
    case "unfinished":
      return (
        <>
          <h1>{t("bid.payoutPage.unfinishedHeading")}</h1>
          <p className="lead">{t("bid.payoutPage.unfinishedLead")}</p>
          <p>{t("bid.payoutPage.unfinishedText")}</p>
          <p>
            <a href={start} className="button">
              {t("bid.payout.continueButton")}
            </a>
          </p>
        </>
      );
    default:
      return (
        <>
          <h1>{t("bid.payoutPage.problemHeading")}</h1>
          <p className="lead">{step.kind === "notConfigured" ? t("bid.payoutPage.notConfigured") : step.message}</p>
        </>
      );
  }
}
