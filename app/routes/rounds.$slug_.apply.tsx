import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BidForm } from "~/components/bid-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { emptyFormValues, formValuesFromEntries, roundPhase, withExtraRow, type BidFormValues } from "~/domain/bid";
import { bidErrors, bidSchema } from "~/domain/bid-schema";
import { formatWeekdayDateTime } from "~/domain/bid-dates";
import { findPublicRound, fundRules, startBid, takeIntakeAttempt } from "~/models/bid.server";
import { formValues, withoutControlCharacters } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `Apply: ${d.round.title} – Pitchday` : "Apply – Pitchday" },
];

async function requireRound(slug: string | undefined) {
  const round = slug ? await findPublicRound(slug) : null;
  if (!round) throw new Response("We could not find that funding round. See the list of rounds that are open.", { status: 404 });
  return round;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const round = await requireRound(routeParam(params, "slug", "slug"));
  const now = new Date();
  return {
    round: {
      slug: round.slug,
      title: round.title,
      phase: roundPhase(round, now),
      opens: formatWeekdayDateTime(round.opensAt, round.fund.timeZone),
      closes: formatWeekdayDateTime(round.closesAt, round.fund.timeZone),
    },
    rules: fundRules(round),
    values: emptyFormValues(),
  };
}

type ActionResult = { values: BidFormValues; errors: Record<string, string>; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const round = await requireRound(routeParam(params, "slug", "slug"));
  const { values: entries, errors: control } = withoutControlCharacters(formValues(await readForm(request)));
  const values = formValuesFromEntries(entries);
  const intent = entries.intent;
  const reply = (result: Partial<ActionResult>, status = 400) =>
    data<ActionResult>({ values, errors: {}, formError: null, ...result }, { status });

  if (intent === "add-line") return data<ActionResult>({ values: withExtraRow(values), errors: {}, formError: null });
  if (intent !== "draft" && intent !== "continue") {
    return reply({ formError: "Choose “Save and continue” or “Save as draft” to send your bid." });
  }
  // A box only robots can see was filled in: look as if it worked, keep nothing.
  if (entries.website) throw redirect(`/rounds/${round.slug}`);
  if (Object.keys(control).length > 0) return reply({ errors: control });

  const now = new Date();
  const checked = bidSchema({ ...fundRules(round), now, mode: intent === "draft" ? "draft" : "submit" }).safeParse(values);
  if (!checked.success) return reply({ errors: bidErrors(checked.error.issues) });
  const limited = await takeIntakeAttempt("start", clientAddress(request), now);
  if (limited) return reply({ formError: limited }, 429);

  const result = await startBid({ slug: round.slug, values, intent, now });
  if (result.ok) throw redirect(intent === "draft" ? `/bid/${result.token}?notice=draft-saved` : `/bid/${result.token}/check`);
  if (result.kind === "invalid") return reply({ errors: result.errors });
  if (result.kind === "closed") return reply({ formError: result.message }, 409);
  throw new Response("We could not find that funding round.", { status: 404 });
}

export default function Apply() {
  const { round, rules, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (round.phase !== "open") {
    return (
      <>
        <h1>{round.phase === "upcoming" ? "This round is not open yet" : "This round is closed"}</h1>
        <p className="lead">
          {round.phase === "upcoming"
            ? `${round.title} opens for bids on ${round.opens}. You can start your bid then.`
            : `${round.title} closed for bids on ${round.closes}.`}
        </p>
        <p>
          <Link to="/rounds">See the funding rounds that are open</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p>
        <Link to={`/rounds/${round.slug}`}>Back to {round.title}</Link>
      </p>
      <h1>Your bid to {round.title}</h1>
      <p className="lead">Tell us about your group and your project. It is one page and takes about 20 minutes.</p>
      <p>
        The round closes on <strong>{round.closes}</strong>. Only the name of your group and an email address are needed to
        save a draft.
      </p>
      <BidForm
        kind="new"
        values={result?.values ?? values}
        errors={result?.errors}
        formError={result?.formError}
        rules={rules}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
