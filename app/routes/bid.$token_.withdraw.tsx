import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { bidAccess } from "~/domain/bid";
import { requireBidByToken, withdrawBid } from "~/models/bid.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `Withdraw bid ${d.reference} – Pitchday` : "Withdraw your bid – Pitchday" },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(params.token);
  if (bid.status === "WITHDRAWN") throw redirect(`/bid/${params.token}`);
  const access = bidAccess(bid, bid.round, new Date());
  return {
    token: params.token as string,
    reference: bid.reference,
    title: bid.projectTitle || bid.groupName,
    lockedReason: access.canWithdraw ? null : access.lockedReason,
  };
}

export async function action({ params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const result = await withdrawBid({ token });
  if (result.ok) throw redirect(`/bid/${token}?notice=withdrawn`);
  if (result.kind === "not_found") throw new Response("We could not find a bid for this link.", { status: 404 });
  // why: 409, like every other refusal, so a script or a retry can tell it from a page.
  return data({ formError: result.kind === "invalid" ? "This bid cannot be withdrawn." : result.message }, { status: 409 });
}

export default function Withdraw() {
  const { token, reference, title, lockedReason } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const back = `/bid/${token}`;
  const refusal = result?.formError ?? lockedReason;
  if (refusal) {
    return (
      <>
        <h1>This bid cannot be withdrawn</h1>
        <p className="lead">{refusal}</p>
        <p>
          <Link to={back}>Back to your bid</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <span className="caption">Bid {reference}</span>
      <h1>Are you sure you want to withdraw your bid?</h1>
      <p className="lead">{title}</p>
      <div className="notice notice--warning">
        <p>
          <strong>You cannot undo this.</strong> The organisers will not consider a withdrawn bid, and you will not be able
          to change or submit it again. You can still apply to future rounds.
        </p>
      </div>
      <Form method="post">
        <div className="button-group">
          <button type="submit" className="button button--warning">
            Yes, withdraw my bid
          </button>
          <Link to={back}>No, keep my bid</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
