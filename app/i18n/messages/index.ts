// Every namespace's catalogue, joined: one folder per namespace keeps each area's strings
// together (see README.md here).
import applyCy from "./apply/cy.json";
import applyReview from "./apply/cy-review.json";
import applyEn from "./apply/en.json";
import bidCy from "./bid/cy.json";
import bidReview from "./bid/cy-review.json";
import bidEn from "./bid/en.json";
import commonCy from "./common/cy.json";
import commonReview from "./common/cy-review.json";
import commonEn from "./common/en.json";
import emailCy from "./email/cy.json";
import emailReview from "./email/cy-review.json";
import emailEn from "./email/en.json";
import letterCy from "./letter/cy.json";
import letterReview from "./letter/cy-review.json";
import letterEn from "./letter/en.json";
import liveCy from "./live/cy.json";
import liveReview from "./live/cy-review.json";
import liveEn from "./live/en.json";
import panelCy from "./panel/cy.json";
import panelReview from "./panel/cy-review.json";
import panelEn from "./panel/en.json";
import resultsCy from "./results/cy.json";
import resultsReview from "./results/cy-review.json";
import resultsEn from "./results/en.json";
import roundCy from "./round/cy.json";
import roundReview from "./round/cy-review.json";
import roundEn from "./round/en.json";
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
  round: { en: roundEn, cy: roundCy, review: roundReview },
  apply: { en: applyEn, cy: applyCy, review: applyReview },
  bid: { en: bidEn, cy: bidCy, review: bidReview },
  results: { en: resultsEn, cy: resultsCy, review: resultsReview },
  email: { en: emailEn, cy: emailCy, review: emailReview },
  letter: { en: letterEn, cy: letterCy, review: letterReview },
};

const joined = (part: keyof NamespaceCatalogue): Messages => Object.assign({}, ...Object.values(BY_NAMESPACE).map((catalogue) => catalogue[part]));

export const EN = joined("en");
export const CY = joined("cy");
export const CY_REVIEW = joined("review");
