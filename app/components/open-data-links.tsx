import type { ReactNode } from "react";

// The "Open data" section of a fund's or a round's page: its awards as 360Giving files.
export function OpenDataLinks({ href, name, children }: { href: string; name: string; children: ReactNode }) {
  return (
    <section aria-labelledby="open-data">
      <h2 id="open-data">Open data</h2>
      <p>{children}</p>
      <p className="button-group">
        <a href={`${href}/360giving.json`} className="button button--secondary" download>
          Download 360Giving JSON<span className="visually-hidden"> for {name}</span>
        </a>
        <a href={`${href}/360giving.csv`} className="button button--secondary" download>
          Download 360Giving spreadsheet (CSV)<span className="visually-hidden"> for {name}</span>
        </a>
      </p>
    </section>
  );
}
