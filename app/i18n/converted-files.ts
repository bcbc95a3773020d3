// The files whose every user-visible string comes from the catalogues: the catalogue test
// (catalogue.test.ts) fails if one of them gains text of its own. Add a file here when its
// strings have moved into app/i18n/messages.

export const CONVERTED_FILES = [
  "app/root.tsx",
  "app/components/language-link.tsx",
  "app/components/bilingual.tsx",
  "app/routes/vote._index.tsx",
  "app/routes/vote.$code.tsx",
  "app/components/vote/ballot.tsx",
  "app/components/vote/ticket-entry.tsx",
  "app/components/ballot-choices.tsx",
  "app/components/live/phone-award-reveal.tsx",
  "app/components/live/countdown.tsx",
  "app/routes/screen.$eventId.tsx",
  "app/components/live/screen-stage.tsx",
  "app/components/live/screen-side.tsx",
  "app/components/live/screen-order.tsx",
  "app/components/live/screen-votes.tsx",
  "app/components/live/screen-award-reveal.tsx",
  "app/routes/panel.join.$token.tsx",
  "app/routes/panel.$eventId._index.tsx",
  "app/routes/panel.$eventId.score.$bidId.tsx",
  "app/routes/panel.$eventId.conflicts.tsx",
  "app/components/panel-phone/phase-notice.tsx",
  "app/components/panel-phone/pitch-lists.tsx",
  "app/components/score-pad.tsx",
  "app/components/score-pad/criterion-scale.tsx",
  "app/components/score-pad/score-status.tsx",
  "app/components/score-pad/refusal-notice.tsx",
];
