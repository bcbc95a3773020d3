import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RoundForm, type LockedRule } from "~/components/round-form";
import { criteriaStep, LOCKING_EVENT_STATES, roundFormSchema, roundFormValues, type FormValues } from "~/domain/fund";
import { utcToLocalInput } from "~/domain/zoned-time";
import { getRound, updateRound } from "~/models/round.server";
import { requirePermission } from "~/requests/auth.server";
import { formValues, parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.round.title ?? "round"} – Pitchday` }];

const MISSING = "There is no round at this address. It may have been typed wrongly.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "fund:manage");
  const round = await getRound(routeParam(params, "roundId"));
  if (!round) throw notFound(MISSING);
  const tz = round.fund.timeZone;
  const values = roundFormValues(round, (at) => utcToLocalInput(at, tz), !round.ruleLocked);
  const live = round.events.find((e) => (LOCKING_EVENT_STATES as readonly string[]).includes(e.state));
  const locked: LockedRule | null = round.ruleLocked
    ? {
        reason: `The assessment criteria and the decision rule are fixed because the event "${live?.title ?? ""}" has started. You can still change the round's other details.`,
        criteria: round.criteria.map(({ name, guidance, weight, scaleMin, scaleMax }) => ({ name, guidance, weight, scaleMin, scaleMax })),
        rule: {
          panelWeightPercent: round.panelWeightPercent,
          audienceWeightPercent: round.audienceWeightPercent,
          normaliseScores: round.normaliseScores,
          quorum: round.quorum,
          partFundingAllowed: round.partFundingAllowed,
          partFundingMinPercent: round.partFundingMinPercent,
          tieBreak: round.tieBreak,
          audienceMode: round.audienceMode,
          audienceVotesPerPerson: round.audienceVotesPerPerson,
        },
        values,
      }
    : null;
  return { round: { id: round.id, title: round.title, timeZone: tz }, values, locked };
}

type ActionData = { errors: Record<string, string>; values: FormValues; focusRow?: number | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "fund:manage");
  const round = await getRound(routeParam(params, "roundId"));
  if (!round) throw notFound(MISSING);
  const form = await readForm(request);
  const step = criteriaStep(form.get("intent"), formValues(form));
  if (step) return data<ActionData>({ errors: {}, values: step.values, focusRow: step.focusRow });

  const submission = parseForm(roundFormSchema(round.fund.timeZone), form);
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
  const saved = await updateRound(round.id, submission.data, { type: "user", id: user.id });
  if (!saved) throw notFound(MISSING);
  if (!saved.ok) return data<ActionData>({ errors: saved.errors, values: submission.values }, { status: 409 });
  return redirect(`/staff/rounds/${round.id}?notice=${saved.changed.length ? "saved" : "unchanged"}`);
}

export default function EditRound() {
  const { round, values, locked } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const navigation = useNavigation();
  const shown = result?.values ?? values;
  return (
    <>
      <p>
        <Link to={`/staff/rounds/${round.id}`}>Back to {round.title}</Link>
      </p>
      <h1>Edit {round.title}</h1>
      <p>Changes are recorded in the audit log with your name.</p>
      <RoundForm
        key={JSON.stringify(Object.keys(shown).filter((k) => k.startsWith("criteria.")))}
        values={shown}
        errors={result?.errors ?? {}}
        timeZone={round.timeZone}
        submitLabel="Save changes"
        locked={locked}
        focusRow={result?.focusRow}
        busy={navigation.state === "submitting"}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
