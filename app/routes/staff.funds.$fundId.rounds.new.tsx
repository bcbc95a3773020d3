import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RoundForm } from "~/components/round-form";
import { criteriaStep, newRoundValues, roundFormSchema, type FormValues } from "~/domain/fund";
import { getFund } from "~/models/fund.server";
import { addRound } from "~/models/round.server";
import { requirePermission } from "~/requests/auth.server";
import { formValues, parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Add a round to ${data?.fund.name ?? "a fund"} – Pitchday` }];

const MISSING = "There is no fund at this address. It may have been typed wrongly.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "fund:manage");
  const fund = await getFund(routeParam(params, "fundId"));
  if (!fund) throw notFound(MISSING);
  return { fund: { id: fund.id, name: fund.name, timeZone: fund.timeZone }, values: newRoundValues() };
}

type ActionData = { errors: Record<string, string>; values: FormValues; focusRow?: number | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "fund:manage");
  const fund = await getFund(routeParam(params, "fundId"));
  if (!fund) throw notFound(MISSING);
  const form = await readForm(request);
  const step = criteriaStep(form.get("intent"), formValues(form));
  if (step) return data<ActionData>({ errors: {}, values: step.values, focusRow: step.focusRow });

  const submission = parseForm(roundFormSchema(fund.timeZone), form);
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
  const created = await addRound(fund.id, submission.data, { type: "user", id: user.id });
  if (!created.ok) return data<ActionData>({ errors: created.errors, values: submission.values }, { status: 409 });
  return redirect(`/staff/rounds/${created.value.id}?notice=created`);
}

export default function NewRound() {
  const { fund, values } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const navigation = useNavigation();
  return (
    <>
      <p>
        <Link to={`/staff/funds/${fund.id}`}>Back to {fund.name}</Link>
      </p>
      <h1>Add a round to {fund.name}</h1>
      <p>A round is one call for bids, with its own dates, criteria and decision rule.</p>
      <RoundForm
        // why: after "Add another criterion" the form must show the new set of rows, not the browser's old one.
        key={JSON.stringify(Object.keys(result?.values ?? values).filter((k) => k.startsWith("criteria.")))}
        values={result?.values ?? values}
        errors={result?.errors ?? {}}
        timeZone={fund.timeZone}
        submitLabel="Create round"
        focusRow={result?.focusRow}
        busy={navigation.state === "submitting"}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
