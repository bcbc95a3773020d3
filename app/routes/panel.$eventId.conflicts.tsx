import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextArea } from "~/components/forms";
import { Choices } from "~/components/choices";
import { DeclaredConflicts } from "~/components/panel/declared-conflicts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { conflictFormSchema } from "~/domain/conflict-form";
import { CONFLICT_REASON_MAX, conflictsOpen } from "~/domain/panel-phone";
import { translate } from "~/i18n/catalogue.server";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { errorsIn, sayIn } from "~/i18n/errors.server";
import { requestLang } from "~/i18n/language-cookie.server";
import { declareConflict, withdrawConflict } from "~/models/panel.server";
import { panellistEvent } from "~/models/panel-view.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { requirePanellist } from "~/requests/panel-device.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// A panellist declares a conflict of interest with a pitch (a trustee of the group, a relative
// on its committee...), before or during the event. From then on they cannot score it and any
// sheet they sent is left out. A conflict can be taken back, until scoring for the pitch is locked.

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "panel.conflicts.title") },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const panellist = await requirePanellist(request, routeParam(params, "eventId"));
  const view = await panellistEvent(panellist.id);
  if (!view) throw new Response(translate(await requestLang(request), "panel.eventGone"), { status: 404, statusText: "Not Found" });
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    eventId: view.event.id,
    eventTitle: view.event.title,
    pitches: view.pitches.map((p) => ({
      bidId: p.bidId,
      title: p.projectTitle || p.reference,
      groupName: p.groupName,
      lang: p.lang,
      conflict: p.conflict?.reason ?? null,
      changeable: conflictsOpen(view.event.state, p.state),
    })),
    notice: notice === "declared" || notice === "withdrawn" ? notice : null,
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string | string[]>; refusal: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const panellist = await requirePanellist(request, routeParam(params, "eventId"));
  const lang = await requestLang(request);
  const limit = { max: CONFLICT_REASON_MAX };
  const parsed = parseForm(conflictFormSchema, await readForm(request));
  if (!parsed.ok) return data<ActionResult>({ errors: errorsIn(lang, parsed.errors, limit), values: parsed.values, refusal: null }, { status: 400 });
  const actor = { type: "panellist" as const, id: panellist.id };
  const input = parsed.data;
  const result =
    input.intent === "declare"
      ? await declareConflict({ panellistId: panellist.id, bidId: input.bidId, reason: input.reason }, actor)
      : await withdrawConflict({ panellistId: panellist.id, bidId: input.bidId }, actor);
  if (!result.ok) return data<ActionResult>({ errors: {}, values: parsed.values, refusal: sayIn(lang, result.message, limit) }, { status: 409 });
  throw redirect(`/panel/${panellist.eventId}/conflicts?notice=${input.intent === "declare" ? "declared" : "withdrawn"}`);
}

export default function Conflicts() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors = posted?.errors ?? {};
  const values = posted?.values ?? {};
  const declarable = loaded.pitches.filter((p) => !p.conflict && p.changeable);
  const declared = loaded.pitches.filter((p) => p.conflict);
  const general = posted?.refusal ?? errors.intent ?? errors.form ?? null;
  const t = useT();

  return (
    <div className="phone">
      <p>
        <Link to={`/panel/${loaded.eventId}`}>{t("panel.back")}</Link>
      </p>
      <span className="caption">{loaded.eventTitle}</span>
      <h1>{t("panel.conflicts.heading")}</h1>
      {loaded.notice ? (
        <div className="notice notice--success" role="status">
          <p>
            {t(loaded.notice === "declared" ? "panel.conflicts.declared" : "panel.conflicts.withdrawn")}
          </p>
        </div>
      ) : null}
      {general ? (
        <div className="notice notice--error" role="alert">
          <p>{general}</p>
        </div>
      ) : null}
      <p>{t("panel.conflicts.intro")}</p>

      <DeclaredConflicts declared={declared} />

      <h2>{t("panel.conflicts.declareHeading")}</h2>
      {declarable.length === 0 ? (
        <p>{t("panel.conflicts.none")}</p>
      ) : (
        <Form method="post" noValidate>
          <ErrorSummary errors={{ bidId: errors.bidId, reason: errors.reason }} focusOnShow />
          <input type="hidden" name="intent" value="declare" />
          <Choices
            name="bidId"
            legend={t("panel.conflicts.which")}
            error={errors.bidId}
            defaultValue={typeof values.bidId === "string" ? values.bidId : undefined}
            choices={declarable.map((p) => ({ value: p.bidId, label: p.title, hint: p.groupName }))}
          />
          <TextArea
            name="reason"
            label={t("panel.conflicts.why")}
            hint={t("panel.conflicts.whyHint")}
            maxChars={CONFLICT_REASON_MAX}
            defaultValue={typeof values.reason === "string" ? values.reason : ""}
            error={errors.reason}
            rows={3}
          />
          <button type="submit" className="button button--large">
            {t("panel.conflicts.declare")}
          </button>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
