import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { ContactDetails } from "~/components/personal-data/contact-details";
import { EraseContactForm } from "~/components/personal-data/erase-contact-form";
import { can } from "~/domain/permissions";
import { eraseFormSchema, retentionView } from "~/domain/personal-data";
import { formatDateTime } from "~/domain/zoned-time";
import { ownWordsLang } from "~/domain/own-words";
import { eraseGroupContact, personalDataSummary } from "~/models/personal-data.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Personal data: ${data?.bid.reference ?? "bid"} – Pitchday` }];

// Organisers and admins answer a group's request for its data, or to be forgotten.

const MISSING = "There is no bid at this address. It may have been typed wrongly.";

const FAILURES = {
  no_contact: "This bid has no contact details to erase.",
  already_erased: "The contact details were already erased.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "personal-data:export");
  const bid = await personalDataSummary(routeParam(params, "bidId"));
  if (!bid) throw notFound(MISSING);
  const timeZone = bid.round.fund.timeZone;
  const contact = bid.contact;
  return {
    erasedNow: new URL(request.url).searchParams.get("erased") === "1",
    canErase: can(user, "personal-data:erase"),
    canReadBid: can(user, "bid:read"),
    bid: { id: bid.id, reference: bid.reference, groupName: bid.groupName, lang: ownWordsLang(bid.language), pseudonymId: bid.pseudonymId, roundTitle: bid.round.title },
    contact: contact && {
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      erasedAt: contact.erasedAt ? formatDateTime(contact.erasedAt, timeZone) : null,
    },
    retention: retentionView(bid.round.closesAt, bid.award?.status ?? null, timeZone),
  };
}

type ActionData = { errors: Record<string, string>; values: Record<string, string | string[]>; problem?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const bidId = routeParam(params, "bidId");
  const form = await readForm(request);
  const user = await requirePermission(request, "personal-data:erase");
  const submission = parseForm(eraseFormSchema, form);
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await eraseGroupContact(bidId, { type: "user", id: user.id }, { reason: submission.data.reason, note: submission.data.note });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound(MISSING);
    return data<ActionData>({ errors: {}, values: submission.values, problem: FAILURES[result.reason] }, { status: 409 });
  }
  return redirect(`/staff/bids/${bidId}/personal-data?erased=1`);
}

export default function PersonalData() {
  const { bid, contact, retention, canErase, canReadBid, erasedNow } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};

  return (
    <>
      <p>{canReadBid ? <Link to={`/staff/bids/${bid.id}`}>Back to bid {bid.reference}</Link> : <Link to="/staff">Back to staff home</Link>}</p>
      {erasedNow ? (
        <div className="notice notice--success" role="status">
          <p className="notice__title">Contact details erased</p>
          <p>The bid, its decision, award and payments are kept under its pseudonymous id. The erasure is recorded in the audit log.</p>
        </div>
      ) : null}
      {result?.problem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>Nothing was erased</h2>
          <p>{result.problem}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={{ reason: "Why", note: "Note", confirm: "Confirm" }} />

      <span className="hint">
        {bid.reference}: {bid.roundTitle}
      </span>
      <h1>
        Personal data held for <span lang={bid.lang}>{bid.groupName}</span>
      </h1>
      <p>
        The only personal data Pitchday keeps about a group is its contact's name, email address and phone number, and the emails sent to
        them about this bid. Everything else is about the group and its project.
      </p>

      <ContactDetails contact={contact} pseudonymId={bid.pseudonymId} />

      <h2 id="download">Download everything held about the group</h2>
      <p>
        One JSON file with the bid and every version of it, the budget, the contact details, the pitch, the panel's scores and comments
        (without panellists' names), the decision, award and payments, and the bid's history from the audit log. Send it to the group
        when they ask for their data. The download is recorded in the audit log.
      </p>
      {/* why a plain form: the answer is a file for the browser to save, not a page for Remix. */}
      <form method="post" action={`/staff/bids/${bid.id}/personal-data.json`}>
        <button type="submit" className="button button--secondary">
          Download the group's data (JSON)
        </button>
      </form>

      {canErase && contact && !contact.erasedAt ? (
        <EraseContactForm reference={bid.reference} awardOpen={retention.awardOpen} errors={errors} values={result?.values ?? {}} />
      ) : null}

      <h2>How long contact details are kept</h2>
      <p>
        Contact details are erased automatically {retention.months} months after the round closes
        {contact && !contact.erasedAt ? `: for this bid, from ${retention.erasedFrom}` : ""}, unless an award is still being paid.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
