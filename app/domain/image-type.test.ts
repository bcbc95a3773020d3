import { imageType, PHOTO_MAX_BYTES, PHOTOS_PER_REPORT, photoProblem } from "~/domain/image-type";

const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const webp = new Uint8Array([...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBPVP8 ")]);

describe("photo checks", () => {
  it("recognises JPEG, PNG and WebP by their bytes", () => {
    expect(imageType(jpeg)).toBe("image/jpeg");
    expect(imageType(png)).toBe("image/png");
    expect(imageType(webp)).toBe("image/webp");
  });
  it("refuses other files whatever they are called", () => {
    expect(imageType(new Uint8Array(Buffer.from("GIF89a......")))).toBeNull();
    expect(imageType(new Uint8Array(Buffer.from("<svg xmlns=...")))).toBeNull();
    expect(imageType(new Uint8Array([...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WAVE")]))).toBeNull();
    expect(photoProblem(new Uint8Array(Buffer.from("%PDF-1.7")), 0)).toBe("bid.report.error.photoType");
  });
  it("refuses an empty file, one too large, and one too many", () => {
    expect(photoProblem(new Uint8Array(0), 0)).toBe("bid.report.error.photoMissing");
    const big = new Uint8Array(PHOTO_MAX_BYTES + 1);
    big.set(jpeg);
    expect(photoProblem(big, 0)).toBe("bid.report.error.photoTooBig");
    expect(photoProblem(big.subarray(0, PHOTO_MAX_BYTES), 0)).toBeNull();
    expect(photoProblem(jpeg, PHOTOS_PER_REPORT)).toBe("bid.report.error.photoTooMany");
  });
});
