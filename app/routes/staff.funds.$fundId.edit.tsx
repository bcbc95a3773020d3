import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FundForm } from "~/components/fund-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { fundFormSchema, fundFormValues, type FormValues } from "~/domain/fund";
import { penceToInput } from "~/domain/money";
import { getFund, updateFund } from "~/models/fund.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.name ?? "fund"} – Pitchday` }];

const MISSING = "There is no fund at this address. It may have been typed wrongly.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "fund:manage");
  const fund = await getFund(routeParam(params, "fundId"));
  if (!fund) throw notFound(MISSING);
  return { id: fund.id, name: fund.name, values: fundFormValues(fund, penceToInput) };
}

type ActionData = { errors: Record<string, string>; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "fund:manage");
  const fundId = routeParam(params, "fundId");
  const submission = parseForm(fundFormSchema, await readForm(request));
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
  const saved = await updateFund(fundId, submission.data, { type: "user", id: user.id });
  if (!saved) throw notFound(MISSING);
  if (!saved.ok) return data<ActionData>({ errors: saved.errors, values: submission.values }, { status: 409 });
  return redirect(`/staff/funds/${fundId}?notice=${saved.changed.length ? "saved" : "unchanged"}`);
}

export default function EditFund() {
  const { id, name, values } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const navigation = useNavigation();
  return (
    <>
      <p>
        <Link to={`/staff/funds/${id}`}>Back to {name}</Link>
      </p>
      <h1>Edit {name}</h1>
      <p>Changes are recorded in the audit log with your name. The pot cannot go below what has already been promised: awards, and funded decisions waiting for their award.</p>
      <FundForm
        values={result?.values ?? values}
        errors={result?.errors ?? {}}
        submitLabel="Save changes"
        busy={navigation.state === "submitting"}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
