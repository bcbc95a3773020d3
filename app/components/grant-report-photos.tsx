import { Form } from "@remix-run/react";
import { TextField } from "~/components/forms";
import { PHOTO_MAX_BYTES } from "~/domain/image-type";
import { useT } from "~/i18n/i18n-context";

// The report's photos: each shown with its caption (or a numbered description), a button to
// remove it while the report can change, and the form to add one.

interface Props {
  token: string;
  photos: { id: string; caption: string | null }[];
  editable: boolean;
  caption: string;
  errors: Record<string, string>;
}

export function GrantReportPhotos({ token, photos, editable, caption, errors }: Props) {
  const t = useT();
  return (
    <>
      <h2 id="photos">{t("bid.report.photos")}</h2>
      {photos.length === 0 ? (
        <p>{t("bid.report.noPhotos")}</p>
      ) : (
        <ul className="photo-list">
          {photos.map((photo, i) => (
            <li key={photo.id}>
              <img src={`/bid/${token}/report/photos/${photo.id}`} alt={photo.caption || t("bid.report.photoAlt", { n: i + 1 })} width={240} />
              {editable ? (
                <Form method="post">
                  <input type="hidden" name="photoId" value={photo.id} />
                  <button type="submit" name="intent" value="remove-photo" className="button button--secondary">
                    {t("bid.report.removePhoto", { n: i + 1 })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Form method="post" encType="multipart/form-data">
          <p className="hint">{t("bid.report.photoHint", { mb: PHOTO_MAX_BYTES / 1_000_000 })}</p>
          <TextField name="photo" label={t("bid.report.photoLabel")} type="file" accept="image/jpeg,image/png,image/webp" error={errors.photo} />
          <TextField name="caption" label={t("bid.report.captionLabel")} optional defaultValue={caption} error={errors.caption} />
          <button type="submit" name="intent" value="photo" className="button button--secondary">
            {t("bid.report.addPhoto")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
