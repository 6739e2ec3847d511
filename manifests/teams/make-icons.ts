// Draws the two app icons Teams wants (192×192 colour, 32×32 white outline on transparent) from SVG with resvg.
// Run: node manifests/teams/make-icons.ts — the PNGs are committed; this script is how they were made.
import { writeFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";

const color = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192">
  <rect width="192" height="192" rx="28" fill="#4B53BC"/>
  <g stroke="#ffffff" stroke-width="6" opacity="0.9"><line x1="66" y1="76" x2="126" y2="76"/><line x1="66" y1="76" x2="96" y2="128"/><line x1="126" y1="76" x2="96" y2="128"/></g>
  <circle cx="66" cy="76" r="24" fill="#ffffff"/><circle cx="126" cy="76" r="24" fill="#9fd3ff"/><circle cx="96" cy="128" r="24" fill="#ffd66b"/>
</svg>`;
const outline = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32">
  <g fill="none" stroke="#ffffff" stroke-width="2"><circle cx="10" cy="12" r="5"/><circle cx="22" cy="12" r="5"/><circle cx="16" cy="22" r="5"/></g>
</svg>`;

const png = (svg: string) => new Resvg(svg, { background: "rgba(0,0,0,0)" }).render().asPng();
const folder = new URL(".", import.meta.url).pathname;
writeFileSync(`${folder}color.png`, png(color));
writeFileSync(`${folder}outline.png`, png(outline));
process.stdout.write("wrote color.png (192×192) and outline.png (32×32)\n");
