import { voteAccess } from "./vote-page";

describe("who may vote from this phone", () => {
  it("lets a phone vote by the join code at an open event, with no ticket", () => {
    expect(voteAccess({ kind: "join", code: "ABC123" }, "OPEN", null)).toEqual({ ticket: null, blocked: null, needsTicket: false });
  });

  it("asks for a ticket when a ticket event is opened by its join code, unless the phone already voted with one", () => {
    expect(voteAccess({ kind: "join", code: "ABC123" }, "TICKETS", null)).toMatchObject({ needsTicket: true, blocked: null });
    expect(voteAccess({ kind: "join", code: "ABC123" }, "TICKETS", "K7QM-3XPA")).toEqual({ ticket: "K7QM-3XPA", blocked: null, needsTicket: false });
  });

  it("votes with a fresh ticket, and lets the phone that used a ticket open it again", () => {
    expect(voteAccess({ kind: "ticket", code: "K7QM-3XPA", used: false }, "TICKETS", null)).toEqual({ ticket: "K7QM-3XPA", blocked: null, needsTicket: false });
    expect(voteAccess({ kind: "ticket", code: "K7QM-3XPA", used: true }, "TICKETS", "K7QM-3XPA").blocked).toBeNull();
  });

  it("refuses a ticket another phone used", () => {
    expect(voteAccess({ kind: "ticket", code: "K7QM-3XPA", used: true }, "TICKETS", null).blocked?.title).toBe(
      "This ticket has already been used on another phone",
    );
  });

  it("refuses a second ticket on a phone that voted with one, naming the ticket it holds", () => {
    const access = voteAccess({ kind: "ticket", code: "ZZZZ-9999", used: false }, "TICKETS", "K7QM-3XPA");
    expect(access.blocked?.title).toBe("This phone has already voted with ticket K7QM-3XPA");
    expect(access.ticket).toBe("ZZZZ-9999");
  });
});
