// Every namespace's catalogue, joined: one folder per namespace keeps each area's strings
// together (see README.md here).
import commonCy from "./common/cy.json";
import commonReview from "./common/cy-review.json";
import commonEn from "./common/en.json";
import liveCy from "./live/cy.json";
import liveReview from "./live/cy-review.json";
import liveEn from "./live/en.json";
import panelCy from "./panel/cy.json";
import panelReview from "./panel/cy-review.json";
import panelEn from "./panel/en.json";
import scoreCy from "./score/cy.json";
import scoreReview from "./score/cy-review.json";
import scoreEn from "./score/en.json";
import screenCy from "./screen/cy.json";
import screenReview from "./screen/cy-review.json";
import screenEn from "./screen/en.json";
import voteCy from "./vote/cy.json";
import voteReview from "./vote/cy-review.json";
import voteEn from "./vote/en.json";

type Messages = Record<string, string>;
interface NamespaceCatalogue {
  en: Messages;
  cy: Messages;
  /** Welsh strings waiting for a native speaker's review, each with what to check. */
  review: Messages;
}

export const BY_NAMESPACE: Record<string, NamespaceCatalogue> = {
  common: { en: commonEn, cy: commonCy, review: commonReview },
  live: { en: liveEn, cy: liveCy, review: liveReview },
  panel: { en: panelEn, cy: panelCy, review: panelReview },
  score: { en: scoreEn, cy: scoreCy, review: scoreReview },
  screen: { en: screenEn, cy: screenCy, review: screenReview },
  vote: { en: voteEn, cy: voteCy, review: voteReview },
};

const joined = (part: keyof NamespaceCatalogue): Messages => Object.assign({}, ...Object.values(BY_NAMESPACE).map((catalogue) => catalogue[part]));

export const EN = joined("en");
export const CY = joined("cy");
export const CY_REVIEW = joined("review");
