/**
 * The QR code to the talk: which address it leads to, and its drawing as SVG,
 * the one drawing the slides (export/marp-engine.ts) and the PowerPoint
 * (export/pptx) show. The encoding is the `qrcode` package's.
 */
import QRCode from 'qrcode';
import type { Labels } from '../i18n/labels.js';
import { addressPieces } from '../text/address.js';
import { PAD, QR_CODE, SLIDE } from '../theme/geometry.js';
import { sans } from './fit/blocks.js';
import { textWidth } from './fit/text.js';

/** The info string of the fenced block that holds a QR code's address in the markdown. */
export const QR_FENCE = 'versus-qr';

/** The QR code a slide carries: the address it encodes, shown beside it too, and where both stand (px of the slide, left to right). */
export interface PlannedQr {
  text: string;
  /** What a screen reader says for the code: "QR code: https://…", in the talk's language. */
  alt: string;
  /** The code's square. */
  code: { x: number; y: number; size: number };
  /** The address's box, above the code, its text at the box's foot and right edge. */
  caption: { x: number; y: number; width: number; height: number; size: number; line: number };
  /** The address's lines in the box, each ending where an address breaks (after a slash…), as the browser sets them. */
  lines: string[];
}

const { size, column, caption, captionLine, captionLines, captionGap } = QR_CODE;
const CODE = { x: SLIDE.width - PAD.side - size, y: SLIDE.height - PAD.bottom - size, size };
const CAPTION_HEIGHT = caption * captionLine * captionLines;
const CAPTION = {
  x: SLIDE.width - PAD.side - column,
  y: CODE.y - captionGap - CAPTION_HEIGHT,
  width: column,
  height: CAPTION_HEIGHT,
  size: caption,
  line: captionLine,
};

/**
 * The address the QR code leads to: `qr:` when the outline names one, else its
 * `url:`; none with `qr: false` or without an address.
 */
export function qrOf(
  outline: { url?: string | undefined; qr?: string | false | undefined },
  labels: Labels,
): PlannedQr | undefined {
  if (outline.qr === false) return undefined;
  const text = outline.qr ?? outline.url;
  if (!text) return undefined;
  return { text, alt: labels.t('qrCaption', { url: text }), code: CODE, caption: CAPTION, lines: addressLines(text) };
}

/**
 * The address's lines beside the code: its pieces (`addressPieces`: a part too wide broken before a
 * dot or a hyphen, `https://slides` over `.example-conference.org/`) filled in as the browser fills
 * a line, and a piece still too wide between its characters. The slides and the PowerPoint both
 * show these lines.
 */
export function addressLines(text: string): string[] {
  const font = sans(CAPTION.size);
  const fits = (piece: string) => textWidth(piece, font) <= CAPTION.width;
  const pieces = addressPieces(text, fits).flatMap((piece) => (fits(piece) ? [piece] : [...piece]));
  const lines = [''];
  for (const piece of pieces) {
    const line = lines.at(-1) ?? '';
    if (line && !fits(line + piece)) lines.push(piece);
    else lines[lines.length - 1] = line + piece;
  }
  return lines;
}

/**
 * The code as a square SVG, `QR_CODE.size` px: dark modules on white, with
 * `QR_CODE.quiet` modules of white around them, one path of module-sized
 * runs (crisp edges, a few kilobytes). Error correction M (15 %).
 *
 * @example
 * qrSvg('https://example.org/talk'); // '<svg xmlns=… viewBox="0 0 33 33" …><rect …/><path d="M2 2h7v1h-7z…"/></svg>'
 */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { quiet } = QR_CODE;
  const side = modules.size + 2 * quiet;
  const runs: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push(`M${start + quiet} ${row + quiet}h${col - start}v1h${start - col}z`);
        start = -1;
      }
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#ffffff"/><path fill="#000000" d="${runs.join('')}"/></svg>`;
}
