import { translate } from "~/i18n/catalogue.server";
import { requestLang } from "~/i18n/language-cookie.server";
import { findBidByToken, type BidView } from "~/models/bid.server";
import { notFound } from "~/utils/http.server";

// The bid behind a group's private link, or the calm 404 page that says what to do about it, in
// the group's language.

export async function requireBidByToken(request: Request, token: string | undefined): Promise<BidView> {
  const bid = token ? await findBidByToken(token) : null;
  if (!bid) throw notFound(translate(await requestLang(request), "apply.bid.linkNotFound"));
  return bid;
}
