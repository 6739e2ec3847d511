// SVG → PNG with resvg. resvg draws no text at all when it has no font (and says nothing), so the DejaVu Sans
// file is found first and passed explicitly; without it the conversion stops with a message naming the package.
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";

/** Where Debian/Ubuntu (fonts-dejavu-core), Fedora and Arch put DejaVu Sans. */
export const DEJAVU_SANS_PATHS = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/TTF/DejaVuSans.ttf",
] as const;

export class MissingFontError extends Error {
  constructor(searched: readonly string[]) {
    super(
      `the cluster map needs the DejaVu Sans font, which is not installed (looked in ${searched.join(", ")}). ` +
        "Install it with: apt-get install fonts-dejavu-core",
    );
    this.name = "MissingFontError";
  }
}

export function findDejaVuSans(candidates: readonly string[] = DEJAVU_SANS_PATHS): string {
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new MissingFontError(candidates);
  return found;
}

export interface PngOptions {
  /** Output pixels per SVG unit (2 = sharp on screens and in print at ~15 cm wide). */
  scale?: number;
  fontFile?: string;
}

export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const fontFile = options.fontFile ?? findDejaVuSans();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: options.scale ?? 2 },
    font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: "DejaVu Sans" },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Width and height of a PNG, read from its header. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
