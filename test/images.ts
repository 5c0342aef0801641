// The first bytes of real image files, for upload and storage tests; whole images made with sharp.
import { crc32 } from "node:zlib";
import sharp from "sharp";

export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
export const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 8, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38]);

// ---- Whole images made with sharp, carrying what a phone photo carries.

/** Where the photo was "taken" (Seoul City Hall), as EXIF GPS rationals. */
const GPS = { GPSLatitudeRef: "N", GPSLatitude: "37/1 33/1 5999/100", GPSLongitudeRef: "E", GPSLongitude: "126/1 58/1 4000/100" };
const XMP = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Kim Seller</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

type PhotoOptions = { width?: number; height?: number; format?: "jpeg" | "png" | "webp"; orientation?: number };

/**
 * A photo as a phone writes it: EXIF with the camera, a GPS position and an orientation tag (6 = shown
 * turned 90° clockwise), XMP, and a Display P3 colour profile. The left half is red, the right half blue.
 */
export async function phonePhoto({ width = 3000, height = 1500, format = "jpeg", orientation = 6 }: PhotoOptions = {}): Promise<Uint8Array> {
  const half = await sharp({ create: { width: Math.ceil(width / 2), height, channels: 3, background: { r: 0, g: 0, b: 255 } } }).png().toBuffer();
  const buf = await sharp({ create: { width, height, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: half, left: Math.floor(width / 2), top: 0 }])
    .withMetadata({ orientation })
    .withExifMerge({ IFD0: { Make: "HurryCam", Model: "Serial-12345" }, IFD3: GPS })
    .withXmp(XMP)
    .withIccProfile("p3")
    .toFormat(format)
    .toBuffer();
  return new Uint8Array(buf);
}

/** The tags of an EXIF block's first directory (IFD0); 0x8825 = the pointer to its GPS directory. */
export function exifTags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0);
  const le = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd0 = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  return Array.from({ length: u16(ifd0) }, (_, i) => u16(ifd0 + 2 + i * 12));
}
export const GPS_IFD_TAG = 0x8825;

/** A PNG that declares `width` × `height` pixels in a few hundred bytes (a decompression bomb's header). */
export async function hugePng(width: number, height: number): Promise<Uint8Array> {
  const small = await sharp({ create: { width: 1, height: 1, channels: 3, background: "white" } }).png().toBuffer();
  const out = Buffer.from(small);
  out.writeUInt32BE(width, 16); // IHDR's width and height, then its CRC over type and data
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return new Uint8Array(out);
}
