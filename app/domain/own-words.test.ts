import { aroundOwnWords, ownWordsLang } from "~/domain/own-words";

describe("a group's own words", () => {
  it("are marked Welsh only when the bid was written in Welsh", () => {
    expect(ownWordsLang("cy")).toBe("cy");
    expect(ownWordsLang("en")).toBeUndefined();
    expect(ownWordsLang(null)).toBeUndefined();
  });

  it("are cut out of the sentence that holds them, wherever the language puts them", () => {
    expect(aroundOwnWords((title) => `Score ${title}`)).toEqual(["Score ", ""]);
    expect(aroundOwnWords((title) => `Sgorio ${title} nawr`)).toEqual(["Sgorio ", " nawr"]);
    expect(aroundOwnWords((title) => `${title} or ${title}?`)).toEqual(["", " or ", "?"]);
    expect(aroundOwnWords(() => "No title here")).toEqual(["No title here"]);
  });
});
