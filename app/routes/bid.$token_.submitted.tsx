import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { roundWords } from "~/domain/round-words";
import { formatWeekdayDateTimeIn } from "~/i18n/group-dates";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { requestLang } from "~/i18n/language-cookie.server";
import { requireBidByToken } from "~/requests/bid-link.server";
import { publicUrl } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: pageTitle(matches, "apply.submitted.title", { reference: d?.reference ?? "" }) },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(request, params.token);
  if (bid.status === "DRAFT" || bid.status === "WITHDRAWN") throw redirect(`/bid/${params.token}`);
  const lang = await requestLang(request);
  return {
    token: params.token as string,
    reference: bid.reference,
    link: publicUrl(request, `/bid/${params.token}`),
    email: bid.contact?.email ?? null,
    roundTitle: roundWords(bid.round, lang).title,
    closes: formatWeekdayDateTimeIn(lang, bid.round.closesAt, bid.round.fund.timeZone),
  };
}

export default function Submitted() {
  const { token, reference, link, email, roundTitle, closes } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="panel-confirm">
        <h1>{t("apply.submitted.heading")}</h1>
        <p>
          {t("apply.submitted.reference")}
          <br />
          <span className="reference">{reference}</span>
        </p>
      </div>
      <p>{email ? t("apply.submitted.thanksEmail", { round: roundTitle, email }) : t("apply.submitted.thanks", { round: roundTitle })}</p>

      <h2>{t("apply.submitted.linkHeading")}</h2>
      <p>{t("apply.submitted.linkUse", { closes })}</p>
      <p className="private-link">
        <a href={`/bid/${token}`}>{link}</a>
      </p>
      <p>{t("apply.submitted.linkKeep")}</p>

      <h2>{t("apply.submitted.nextHeading")}</h2>
      <ol>
        <li>{t("apply.submitted.next1", { closes })}</li>
        <li>{t("apply.submitted.next2")}</li>
        <li>{t("apply.submitted.next3")}</li>
      </ol>
      <p>
        <Link to={`/bid/${token}`}>{t("apply.submitted.seeBid")}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
