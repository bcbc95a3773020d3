/** One printed audience ticket: its code, and the QR code of the vote page with it. */
export interface TicketView {
  code: string;
  qr: string;
  used: boolean;
}

/** The printable sheet of tickets, cut along the dashed lines; used ones are marked and not printed. */
export function TicketSheet({ eventTitle, tickets, voteAddress }: { eventTitle: string; tickets: TicketView[]; voteAddress: string }) {
  if (tickets.length === 0) return null;
  return (
    <ul className="ticket-sheet" aria-label="Tickets">
      {tickets.map((ticket) => (
        <li key={ticket.code} className={ticket.used ? "ticket ticket--used" : "ticket"}>
          <p className="ticket__event">{eventTitle}</p>
          <p className="ticket__title">Your vote</p>
          <img src={ticket.qr} alt={`QR code for ticket ${ticket.code}`} width={120} height={120} className="ticket__qr" />
          <p className="ticket__code">{ticket.code}</p>
          <p className="ticket__how">
            Scan the code, or go to {voteAddress} and enter the ticket code. One vote per ticket.
          </p>
          {ticket.used ? <p className="tag tag--grey no-print">Used</p> : null}
        </li>
      ))}
    </ul>
  );
}
