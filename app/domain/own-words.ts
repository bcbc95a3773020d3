// A group's own words (its name, project title, answers) are in the language it wrote its bid
// in. Staff pages are English, so words written in Welsh carry lang="cy" there: a screen reader
// reads them with a Welsh voice and a spell checker leaves them alone.

/** The `lang` attribute for a group's words on an English page: "cy", or none for English. */
export function ownWordsLang(language: string | null | undefined): "cy" | undefined {
  return language === "cy" ? "cy" : undefined;
}

// why a character no catalogue uses: a sentence is said with it where the group's words go, and
// cut there, so those words can be marked with their own language inside the page's sentence.
const SLOT = "\u2063";

/** The pieces of a sentence around the group's words, which go between each two pieces. */
export function aroundOwnWords(say: (slot: string) => string): string[] {
  return say(SLOT).split(SLOT);
}
