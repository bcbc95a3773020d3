import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { bidAccess } from "~/domain/bid";
import { translate } from "~/i18n/catalogue.server";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { htmlLang } from "~/i18n/lang";
import { requestLang } from "~/i18n/language-cookie.server";
import { withdrawBid } from "~/models/bid.server";
import { requireBidByToken } from "~/requests/bid-link.server";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: pageTitle(matches, "apply.withdraw.title", { reference: d?.reference ?? "" }) },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(request, params.token);
  if (bid.status === "WITHDRAWN") throw redirect(`/bid/${params.token}`);
  const access = bidAccess(bid, bid.round, new Date());
  return {
    token: params.token as string,
    reference: bid.reference,
    title: bid.projectTitle || bid.groupName,
    bidLang: htmlLang(bid.language === "cy" ? "cy" : "en"),
    lockedKey: access.canWithdraw ? null : access.lockedKey,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const lang = await requestLang(request);
  const result = await withdrawBid({ token });
  if (result.ok) throw redirect(`/bid/${token}?notice=withdrawn`);
  if (result.kind === "not_found") throw new Response(translate(lang, "apply.bid.notFound"), { status: 404 });
  // why: 409, like every other refusal, so a script or a retry can tell it from a page.
  return data({ formError: result.kind === "invalid" ? translate(lang, "apply.withdraw.refused") : translate(lang, result.kind === "locked" ? result.message : "bid.locked.closed") }, { status: 409 });
}

export default function Withdraw() {
  const { token, reference, title, bidLang, lockedKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const back = `/bid/${token}`;
  const refusal = result?.formError ?? (lockedKey ? t(lockedKey) : null);
  if (refusal) {
    return (
      <>
        <h1>{t("apply.withdraw.refusedHeading")}</h1>
        <p className="lead">{refusal}</p>
        <p>
          <Link to={back}>{t("apply.edit.back")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <span className="caption">{t("apply.edit.caption", { reference })}</span>
      <h1>{t("apply.withdraw.heading")}</h1>
      <p className="lead" lang={bidLang}>
        {title}
      </p>
      <div className="notice notice--warning">
        <p>
          <strong>{t("apply.withdraw.cannotUndo")}</strong> {t("apply.withdraw.explain")}
        </p>
      </div>
      <Form method="post">
        <div className="button-group">
          <button type="submit" className="button button--warning">
            {t("apply.withdraw.yes")}
          </button>
          <Link to={back}>{t("apply.withdraw.no")}</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
