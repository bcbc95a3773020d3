import { parse } from "@formatjs/icu-messageformat-parser";
import { choiceProblem } from "~/domain/audience-phone";
import { formatMessage } from "./format";
import { chooseLang, fromAcceptLanguage } from "./lang";
import { messagesForPage, translate } from "./catalogue.server";

const compiled = (message: string) => parse(message, { ignoreTag: true });

describe("formatMessage (the walker the browser runs)", () => {
  const votes = compiled("{n, plural, one {# bleidlais} two {# bleidlais} few {# phleidlais} other {# pleidlais}}");

  it("picks Welsh plural forms by Welsh rules", () => {
    expect([1, 2, 3, 4, 6].map((n) => formatMessage(votes, "cy", { n }))).toEqual(["1 bleidlais", "2 bleidlais", "3 phleidlais", "4 pleidlais", "6 pleidlais"]);
  });

  it("fills selects, exact matches, nested plurals and numbers", () => {
    const message = compiled("{state, select, PITCHING {Pitching} other {Waiting}}: {n, plural, =0 {none} one {# vote} other {# votes}} of {total, number}");
    expect(formatMessage(message, "en", { state: "PITCHING", n: 0, total: 1200 })).toBe("Pitching: none of 1,200");
    expect(formatMessage(message, "en", { state: "LOCKED", n: 3, total: 5 })).toBe("Waiting: 3 votes of 5");
  });

  it("takes plain text as it is", () => {
    expect(formatMessage("Croeso", "cy")).toBe("Croeso");
  });
});

describe("the language of a request", () => {
  it("follows the cookie first, then the best Accept-Language range we speak, else English", () => {
    expect(chooseLang("cy", "en-GB")).toBe("cy");
    expect(chooseLang(undefined, "fr-FR,cy;q=0.8,en;q=0.5")).toBe("cy");
    expect(chooseLang(undefined, "en;q=0.4,cy-GB;q=0.9")).toBe("cy");
    expect(chooseLang("de", "fr")).toBe("en");
    expect(fromAcceptLanguage("cy;q=0")).toBeNull();
  });
});

describe("the messages a page is sent", () => {
  it("are its own namespaces in its own language, and both languages on the big screen", () => {
    const vote = messagesForPage("cy", "/vote/K7QM3X");
    expect(Object.keys(vote.messages)).toEqual(["cy"]);
    expect(vote.messages.cy?.["vote.button.vote"]).toBe("Pleidleisio");
    expect(Object.keys(vote.messages.cy ?? {}).some((key) => key.startsWith("screen."))).toBe(false);
    const screen = messagesForPage("en", "/screen/ev1");
    expect(Object.keys(screen.messages)).toEqual(["cy", "en"]);
    expect(screen.bilingual).toBe(true);
  });

  it("formats on the server too", () => {
    expect(translate("cy", "vote.allowance.used", { chosen: 1, votes: 3 })).toBe("Rydych wedi defnyddio 1 o 3 pleidlais.");
    expect(translate("en", "vote.allowance.used", { chosen: 1, votes: 1 })).toBe("You have used 1 of 1 vote.");
  });
});

describe("the phone's ballot problems", () => {
  it("are the server's refusal, in the page's language (domain/audience-phone.ts choiceProblem)", () => {
    for (const [chosen, votes] of [[0, 1], [0, 3], [2, 1], [4, 3]]) {
      const key = chosen === 0 ? "vote.problem.none" : "vote.problem.tooMany";
      expect(choiceProblem(chosen, votes)?.key).toBe(key);
    }
    expect(translate("en", "vote.problem.tooMany", { votes: 3, chosen: 4 })).toBe("You can vote for up to 3 pitches; you chose 4.");
  });
});
