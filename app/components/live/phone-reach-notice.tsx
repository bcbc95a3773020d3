import type { PageReach } from "~/utils/public-origin";

// Told to the organiser setting up an event on a laptop: the links and QR codes on this page
// (or in the emails) name an address phones cannot open, and which address they can.

export function PhoneReachNotice({ reach }: { reach: PageReach }) {
  const lan = reach.lanUrls[0];
  return (
    <section className="notice notice--warning" aria-labelledby="phone-reach-title">
      <h2 id="phone-reach-title">Phones may not reach the links shown</h2>
      {reach.shownLoopback ? (
        <p>
          You opened this page at {reach.shown}, an address only this computer can open, so the invite links, QR codes and the screen’s voting
          address point there too and will not open on a phone.
        </p>
      ) : null}
      {reach.emailsLoopback ? <p>APP_URL is not set to an address phones can open, so the links in emailed invites will not work on a phone.</p> : null}
      {lan ? (
        <p>
          Phones on the venue Wi-Fi can reach this laptop at <strong>{lan}</strong>
          {reach.lanUrls.length > 1 ? ` (or ${reach.lanUrls.slice(1).join(", ")})` : ""}. Start Pitchday with <code>APP_URL={lan}</code> and open
          the staff pages at <a href={lan}>{lan}</a>.
        </p>
      ) : (
        <p>This computer is not on a network phones can share yet: join the venue’s Wi-Fi or a phone’s hotspot, then reload this page.</p>
      )}
    </section>
  );
}
