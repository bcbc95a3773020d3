import type { useFullScreen } from "~/components/live/use-full-screen";
import { useT } from "~/i18n/i18n-context";

/** The big screen's top line: the event's title and the tools that full screen hides. */
export function ScreenBar({ title, fullScreen }: { title: string; fullScreen: ReturnType<typeof useFullScreen> }) {
  const t = useT();
  return (
    <div className="screen__bar">
      <p className="screen__event">{title}</p>
      <div className="screen__tools">
        <button type="button" className="screen__tool" onClick={fullScreen.toggle}>
          {fullScreen.active ? t("screen.tools.leave") : t("screen.tools.full")}
        </button>
        <span className="screen__hint">{fullScreen.shortcut ? t("screen.tools.hintOn") : t("screen.tools.hintOff")}</span>
        <button
          type="button"
          className="screen__tool screen__tool--small"
          aria-pressed={fullScreen.shortcut}
          onClick={() => fullScreen.setShortcut(!fullScreen.shortcut)}
        >
          {t("screen.tools.shortcut")}
        </button>
      </div>
    </div>
  );
}
