import { TextField } from "~/components/forms";
import { Choices } from "~/components/choices";
import { text } from "~/components/round-form/form-values";
import {
  AUDIENCE_MODES,
  AUDIENCE_MODE_LABELS,
  TIE_BREAKS,
  TIE_BREAK_LABELS,
  type FormValues,
} from "~/domain/fund";

// The decision rule's fields in the round form.

export function RuleFields({ values, errors }: { values: FormValues; errors: Record<string, string> }) {
  return (
    <>
      <p className="hint">
        How the scores turn into a ranking. It is shown to panellists, groups and the audience before the event, and
        cannot change once the event has started.
      </p>
      <Choices
        name="audienceMode"
        legend="Does the audience vote?"
        choices={AUDIENCE_MODES.map((mode) => ({
          value: mode,
          label: AUDIENCE_MODE_LABELS[mode],
          hint:
            mode === "TICKETS"
              ? "Each person in the room gets a printed ticket with a one-time code, so nobody votes twice."
              : mode === "OPEN"
                ? "Quicker to set up; one vote per phone."
                : undefined,
        }))}
        defaultValue={text(values, "audienceMode")}
        error={errors.audienceMode}
      />
      <TextField
        name="audienceVotesPerPerson"
        label="Votes per person"
        hint="Only used when the audience votes. Each person can give this many votes, one per pitch."
        inputMode="numeric"
        className="input--tiny"
        defaultValue={text(values, "audienceVotesPerPerson")}
        error={errors.audienceVotesPerPerson}
        autoComplete="off"
      />
      <TextField
        name="panelWeightPercent"
        label="Panel's weight, in percent"
        hint="How much the panel's scores count towards a bid's place. Use 100 when there is no audience vote."
        inputMode="numeric"
        className="input--tiny"
        defaultValue={text(values, "panelWeightPercent")}
        error={errors.panelWeightPercent}
        autoComplete="off"
      />
      <TextField
        name="audienceWeightPercent"
        label="Audience's weight, in percent"
        hint="How much the audience vote counts. The two weights must add up to 100; use 0 when there is no audience vote."
        inputMode="numeric"
        className="input--tiny"
        defaultValue={text(values, "audienceWeightPercent")}
        error={errors.audienceWeightPercent}
        autoComplete="off"
      />
      <Choices
        name="normaliseScores"
        legend="Even out panellists' scoring habits?"
        hint="Some panellists score everyone generously, others strictly. Evening out compares each panellist's scores with their own average before they are added up, so one person's habits do not decide the result. It works best with four or more panellists."
        choices={[
          { value: "yes", label: "Yes, even out scoring habits" },
          { value: "no", label: "No, use the scores as given" },
        ]}
        defaultValue={text(values, "normaliseScores")}
        error={errors.normaliseScores}
      />
      <TextField
        name="quorum"
        label="Quorum"
        hint="The fewest panellists who must score a pitch for its result to count. Panellists with a conflict of interest do not score that pitch."
        inputMode="numeric"
        className="input--tiny"
        defaultValue={text(values, "quorum")}
        error={errors.quorum}
        autoComplete="off"
      />
      <Choices
        name="partFundingAllowed"
        legend="Can a bid be offered part of what it asked for?"
        hint="When the pot runs low, the next bid in line can be offered what is left instead of nothing."
        choices={[
          {
            value: "yes",
            label: "Yes, part-funding is allowed",
            conditional: (
              <TextField
                name="partFundingMinPercent"
                label="Smallest share, in percent of the amount asked for"
                hint="Below this share the bid is not offered anything, for example 50."
                inputMode="numeric"
                className="input--tiny"
                defaultValue={text(values, "partFundingMinPercent")}
                error={errors.partFundingMinPercent}
                autoComplete="off"
              />
            ),
          },
          { value: "no", label: "No, fund bids in full or not at all" },
        ]}
        defaultValue={text(values, "partFundingAllowed")}
        error={errors.partFundingAllowed}
      />
      <Choices
        name="tieBreak"
        legend="When two bids have equal scores"
        choices={TIE_BREAKS.map((value) => ({ value, label: TIE_BREAK_LABELS[value] }))}
        defaultValue={text(values, "tieBreak")}
        error={errors.tieBreak}
      />
    </>
  );
}

