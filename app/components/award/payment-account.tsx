import { Form } from "@remix-run/react";
import type { AwardFormResult, AwardPageView } from "~/domain/award-page";
import { PAYMENTS_NOT_CONFIGURED } from "~/domain/payment";

type Props = Pick<AwardPageView, "stripe" | "recipient"> & {
  groupName: string;
  can: { onboard: boolean; check: boolean };
  onboarding: AwardFormResult["onboarding"] | undefined;
};

/** The group's Stripe account: how far its set-up is, a QR code of a fresh set-up link, a check now. */
export function PaymentAccount({ stripe, recipient, groupName, can, onboarding }: Props) {
  return (
    <>
      <h2 id="payment-account">Payment account</h2>
      {!stripe ? (
        <p>{PAYMENTS_NOT_CONFIGURED}</p>
      ) : (
        <>
          <p>
            <RecipientStatus recipient={recipient} />
            {recipient ? <span className="hint">Last change: {recipient.checked}</span> : null}
          </p>
          {onboarding ? (
            <div className="invite-once onboarding-qr" tabIndex={-1}>
              <h3>Set-up link for {groupName}</h3>
              <img src={onboarding.qr} alt={`QR code of the payment set-up link for ${groupName}`} className="invite-once__qr" width={240} height={240} />
              <p>
                The group’s representative scans this with their phone to set up the account on Stripe’s pages. It works once, until {onboarding.until}.
              </p>
              <p className="break-anywhere">
                <a href={onboarding.url} data-testid="onboarding-link" rel="noreferrer">
                  {onboarding.url}
                </a>
              </p>
            </div>
          ) : null}
          <div className="row-actions">
            {can.onboard ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="onboarding-link" />
                <button type="submit" className="button button--secondary">
                  {onboarding ? "New link" : "Show a set-up QR code for the group’s phone"}
                </button>
              </Form>
            ) : null}
            {can.check ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="check-stripe" />
                <button type="submit" className="button button--secondary">
                  Check with Stripe now
                </button>
              </Form>
            ) : null}
          </div>
        </>
      )}
    </>
  );
}

function RecipientStatus({ recipient }: Pick<AwardPageView, "recipient">) {
  if (recipient === null) {
    return (
      <>
        <strong className="tag tag--grey">Not started</strong> The group has not started setting up an account to be paid into.
      </>
    );
  }
  if (recipient.ready) {
    return (
      <>
        <strong className="tag tag--green">Ready</strong> Stripe says the group’s account can receive payments.
      </>
    );
  }
  if (recipient.submitted) {
    return (
      <>
        <strong className="tag tag--yellow">Being checked</strong> The group has sent its details; Stripe is checking them.
      </>
    );
  }
  return (
    <>
      <strong className="tag tag--yellow">Started</strong> The group started setting up its account; Stripe still needs some details.
    </>
  );
}
