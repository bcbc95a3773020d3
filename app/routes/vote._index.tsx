import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { voteCodeProblem, wrongCodesMessage } from "~/domain/audience-phone";
import { translate } from "~/i18n/catalogue.server";
import { requestLang } from "~/i18n/language-cookie.server";
import { say } from "~/i18n/said.server";
import { lookUpVoteCode } from "~/models/audience-view.server";
import { clientAddress } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

// Where the audience starts: type the code from the big screen (the event's join code) or the
// code printed on a ticket. Scanning the QR code on the screen or a ticket skips this page.

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "vote.start.title") }];

type ActionResult = { error: string; code: string };

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const code = String(form.get("code") ?? "");
  const lang = await requestLang(request);
  const problem = voteCodeProblem(code);
  if (problem) return data<ActionResult>({ error: say(lang, problem), code }, { status: 400 });
  const looked = await lookUpVoteCode(code, clientAddress(request));
  if (looked.ok) throw redirect(`/vote/${looked.found.code}`);
  if (looked.reason === "limited") {
    const wait = { status: 429, headers: { "Retry-After": String(looked.retryAfterSeconds) } };
    return data<ActionResult>({ error: say(lang, wrongCodesMessage(looked.retryAfterSeconds)), code }, wait);
  }
  return data<ActionResult>({ error: translate(lang, "vote.code.notFound"), code }, { status: 400 });
}

export default function VoteStart() {
  const posted = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="phone">
      <h1>{t("vote.start.heading")}</h1>
      <p>{t("vote.start.intro")}</p>
      <Form method="post" noValidate>
        <ErrorSummary errors={{ code: posted?.error }} />
        <TextField
          name="code"
          label={t("vote.start.codeLabel")}
          hint={t("vote.start.codeHint")}
          error={posted?.error}
          defaultValue={posted?.code ?? ""}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          className="input--code"
        />
        <button type="submit" className="button button--large">
          {t("common.continue")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
