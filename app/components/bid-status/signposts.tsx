import { Link } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";

// Where a group whose bid was not funded can look next.

export function Signposts() {
  const t = useT();
  return (
    <>
      <h3>{t("bid.signpost.heading")}</h3>
      <ul>
        <li>
          <Link to="/rounds">{t("bid.signpost.rounds")}</Link>
          {t("bid.signpost.roundsAfter")}
        </li>
        <li>{t("bid.signpost.feedback")}</li>
        <li>{t("bid.signpost.cvs")}</li>
        <li>{t("bid.signpost.grantnav")}</li>
      </ul>
    </>
  );
}
