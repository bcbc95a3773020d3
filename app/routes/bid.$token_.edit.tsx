import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BidForm } from "~/components/bid-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { bidAccess, formValuesFromBid, formValuesFromEntries, isoDate, withExtraRow, type BidFormValues } from "~/domain/bid";
import { formatWeekdayDateTime } from "~/domain/bid-dates";
import { fundRules, requireBidByToken, saveBid } from "~/models/bid.server";
import { formValues, withoutControlCharacters } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `Change bid ${d.reference} – Pitchday` : "Change your bid – Pitchday" },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(params.token);
  const access = bidAccess(bid, bid.round, new Date());
  return {
    token: params.token as string,
    reference: bid.reference,
    submitted: bid.status === "SUBMITTED",
    lockedReason: access.canEdit ? null : access.lockedReason,
    closes: formatWeekdayDateTime(bid.round.closesAt, bid.round.fund.timeZone),
    roundTitle: bid.round.title,
    rules: fundRules(bid.round),
    keepStartDate: bid.status === "SUBMITTED" ? isoDate(bid.startDate) || null : null,
    values: formValuesFromBid(bid),
  };
}

type ActionResult = { values: BidFormValues; errors: Record<string, string>; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const { values: entries, errors: control } = withoutControlCharacters(formValues(await readForm(request)));
  const values = formValuesFromEntries(entries);
  const intent = entries.intent;
  const reply = (result: Partial<ActionResult>, status = 400) =>
    data<ActionResult>({ values, errors: {}, formError: null, ...result }, { status });

  if (intent === "add-line") return data<ActionResult>({ values: withExtraRow(values), errors: {}, formError: null });
  if (intent !== "draft" && intent !== "continue" && intent !== "save") {
    return reply({ formError: "Choose one of the buttons at the bottom of the page to save your bid." });
  }
  if (Object.keys(control).length > 0) return reply({ errors: control });
  const result = await saveBid({ token, values, intent });
  if (result.ok) {
    if (result.bid.status === "SUBMITTED") throw redirect(`/bid/${token}?notice=changes-saved`);
    throw redirect(intent === "continue" ? `/bid/${token}/check` : `/bid/${token}?notice=draft-saved`);
  }
  if (result.kind === "invalid") return reply({ errors: result.errors });
  if (result.kind === "locked" || result.kind === "closed") return reply({ formError: result.message }, 409);
  throw new Response("We could not find a bid for this link.", { status: 404 });
}

export default function EditBid() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const back = `/bid/${loaded.token}`;

  if (loaded.lockedReason) {
    return (
      <>
        <h1>Your bid can no longer be changed</h1>
        <p className="lead">{loaded.lockedReason}</p>
        <p>
          <Link to={back}>See where your bid {loaded.reference} stands</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p>
        <Link to={back}>Back to your bid</Link>
      </p>
      <span className="caption">Bid {loaded.reference}</span>
      <h1>{loaded.submitted ? "Change your bid" : "Your bid to " + loaded.roundTitle}</h1>
      <p>
        {loaded.submitted
          ? `You can change your bid until ${loaded.closes}. Each change is kept as a new version, and the organisers see the latest.`
          : `Finish your bid and submit it before ${loaded.closes}.`}
      </p>
      <BidForm
        kind={loaded.submitted ? "submitted" : "draft"}
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        formError={result?.formError}
        rules={loaded.rules}
        keepStartDate={loaded.keepStartDate}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
