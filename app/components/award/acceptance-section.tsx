import { AgreeCheckbox } from "~/components/agree-checkbox";
import { Form } from "@remix-run/react";
import type { FormAnswer } from "~/components/award/form-answer";
import { TextField } from "~/components/forms";
import type { AwardPageView } from "~/domain/award-page";

/** Whether the group accepted the conditions; if not, a form to accept them on this device. */
export function AcceptanceSection({ award, canAccept, answer }: { award: AwardPageView["award"]; canAccept: boolean; answer: FormAnswer }) {
  const errors = answer.errorsFor("accept");
  return (
    <>
      <h2 id="acceptance">Acceptance</h2>
      {award.accepted ? (
        <p>
          Accepted for the group by <strong>{award.accepted.by}</strong> on {award.accepted.at}.
        </p>
      ) : award.status === "CANCELLED" ? (
        <p>The award was cancelled before the conditions were accepted.</p>
      ) : (
        <>
          <p>The group has not accepted the conditions yet. They can do it through their private link, or here with someone who can sign for the group.</p>
          {canAccept ? (
            <Form method="post" className="accept-form">
              <input type="hidden" name="intent" value="accept" />
              <h3>Accept on this device</h3>
              <p>Hand this device to the group’s representative to read the conditions above, type their name and confirm.</p>
              <TextField
                name="signedName"
                id="accept-signedName"
                label="Full name of the person accepting for the group"
                autoComplete="off"
                defaultValue={answer.typed("accept", "signedName")}
                error={errors.signedName}
              />
              <AgreeCheckbox id="accept-agree" name="agree" error={errors.agree} defaultChecked={answer.typed("accept", "agree") === "yes"}>
                I can sign for {award.groupName}, and the group accepts the conditions of this award
              </AgreeCheckbox>
              <button type="submit" className="button">
                Accept the conditions for the group
              </button>
            </Form>
          ) : null}
        </>
      )}
    </>
  );
}
