import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { FundForm } from "~/components/fund-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { fundFormSchema, NEW_FUND_VALUES, type FormValues } from "~/domain/fund";
import { createFund } from "~/models/fund.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Create a fund – Pitchday" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "fund:manage");
  return null;
}

type ActionData = { errors: Record<string, string>; values: FormValues };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "fund:manage");
  const submission = parseForm(fundFormSchema, await readForm(request));
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
  const fund = await createFund(submission.data, { type: "user", id: user.id });
  return redirect(`/staff/funds/${fund.id}?notice=created`);
}

export default function NewFund() {
  const result = useActionData<ActionData>();
  const navigation = useNavigation();
  return (
    <>
      <p>
        <Link to="/staff/funds">Back to funds</Link>
      </p>
      <h1>Create a fund</h1>
      <p>A fund is a pot of money with its own limits. You add funding rounds to it once it is created.</p>
      <FundForm
        values={result?.values ?? NEW_FUND_VALUES}
        errors={result?.errors ?? {}}
        submitLabel="Create fund"
        busy={navigation.state === "submitting"}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
