import { Link } from "@remix-run/react";

/** The button to start a new fund, for those who may manage funds. */
export function CreateFundLink() {
  return (
    <p>
      <Link to="/staff/funds/new" className="button">
        Create a fund
      </Link>
    </p>
  );
}
