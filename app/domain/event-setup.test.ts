import { fieldErrors } from "~/utils/forms";
import { eventSetupSchema, formatDuration, parseDuration } from "./event-setup";

const schema = eventSetupSchema("Europe/London");
const valid = { title: " Spring pitch night ", startsAt: "2027-05-14T19:00", venue: "Thornbury Town Hall", pitchSeconds: "3:00", questionSeconds: "120" };

describe("event setup form", () => {
  it("reads the fund's local time as a UTC instant and lengths as seconds", () => {
    expect(schema.parse(valid)).toEqual({
      title: "Spring pitch night",
      startsAt: new Date("2027-05-14T18:00:00Z"),
      venue: "Thornbury Town Hall",
      pitchSeconds: 180,
      questionSeconds: 120,
    });
  });

  it("names every missing field", () => {
    const result = schema.safeParse({});
    expect(fieldErrors(result.error!)).toEqual({
      title: "Enter a title for the event.",
      startsAt: "Enter the date and time the event starts.",
      venue: "Enter where the event takes place.",
      pitchSeconds: "Enter the pitch length, like 3:00.",
      questionSeconds: "Enter the time for questions, like 3:00.",
    });
  });

  it("refuses times that do not exist and lengths out of range", () => {
    const result = schema.safeParse({ ...valid, startsAt: "2027-03-28T01:30", pitchSeconds: "0:10", questionSeconds: "45:00" });
    expect(fieldErrors(result.error!)).toEqual({
      startsAt: "Enter a real date and time, like 14/05/2027 19:00.",
      pitchSeconds: "Enter the pitch length as minutes and seconds, like 3:00, between 0:30 and 30:00.",
      questionSeconds: "Enter the time for questions as minutes and seconds, like 3:00, between 0:30 and 30:00.",
    });
  });

  it("parses and formats durations the way people write them", () => {
    expect(parseDuration("2:30")).toBe(150);
    expect(parseDuration(" 90 ")).toBe(90);
    expect(parseDuration("2:75")).toBeNull();
    expect(parseDuration("two")).toBeNull();
    expect(formatDuration(150)).toBe("2:30");
    expect(formatDuration(60)).toBe("1:00");
  });
});
