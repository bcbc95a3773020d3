import QRCode from "qrcode";

// QR codes as SVG drawn on the server (no script in the page): black on white with a quiet
// zone, medium error correction so a phone reads them off a projector or a crumpled print-out.

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}

/** The same as a data: URL for an <img> with alt text (the page's CSP allows data: images). */
export async function qrDataUrl(text: string): Promise<string> {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await qrSvg(text))}`;
}
