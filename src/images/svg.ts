/**
 * SVG images as data. `readSvg` reads an SVG as a strict XML 1.0 parser
 * does; `safeSvg` writes it again for a renderer that would otherwise fetch
 * what it names: resvg reads any file an `href` points at (`/etc/…`,
 * `../outside/…`, `/dev/zero`, relative to the working folder), and has no
 * option to stop it. Browsers draw an SVG picture without anything outside it,
 * so the PowerPoint fallback, drawn from the safe copy, shows what they show.
 */
import { imageSize } from 'image-size';
import { SaxesParser } from 'saxes';
import { escapeXml } from '../text/xml.js';

/** Where an SVG stops being well-formed XML: 1-based line and column. */
export interface SvgProblem {
  message: string;
  line: number;
  col: number;
}

/** Pictures inside an SVG (data: URLs) are kept up to this many pixels: resvg decodes each into memory, 4 bytes a pixel. */
const MAX_INNER_PIXELS = 25_000_000;
/** SVGs inside SVGs, each made safe in turn, down to this depth; deeper ones are dropped. */
const MAX_DEPTH = 4;

/** What a strict reading of an SVG finds: where it is not well-formed, or its size (px; absent when its root does not say). */
export interface SvgReading {
  problem?: SvgProblem;
  width?: number;
  height?: number;
}

/** Reads `svg` as a strict XML parser does, and its root's size: width and height, else its viewBox's. */
export function readSvg(svg: string): SvgReading {
  const reading: SvgReading = {};
  let root: Record<string, string> | undefined;
  parseSvg(
    svg,
    {
      open: (_, attributes) => {
        root ??= attributes;
      },
    },
    (problem) => {
      reading.problem = problem;
    },
  );
  if (reading.problem || !root) return reading;
  const [, , boxWidth, boxHeight] = (root.viewBox ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const width = root.width === undefined ? boxWidth : length(root.width);
  const height = root.height === undefined ? boxHeight : length(root.height);
  return {
    ...(width !== undefined && !Number.isNaN(width) ? { width } : {}),
    ...(height !== undefined && !Number.isNaN(height) ? { height } : {}),
  };
}

/** CSS px in an absolute length; undefined for a relative one (%, em), which the room it is shown in decides. */
const PX_PER_UNIT: Record<string, number> = { '': 1, px: 1, pt: 4 / 3, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };

function length(value: string): number | undefined {
  const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z%]*)\s*$/i.exec(value);
  const unit = PX_PER_UNIT[match?.[2]?.toLowerCase() ?? '%'];
  return match && unit !== undefined ? Number(match[1]) * unit : undefined;
}

/**
 * The SVG with nothing that reaches outside it: no doctype (its entities are
 * expanded first), comment or processing instruction, and no `href` but to an
 * element of its own (`#id`) or to a picture inside it (a data: URL, whose SVG
 * is made safe in turn). A raster picture larger than 25 million pixels is
 * dropped. Throws when the SVG is not well-formed.
 */
export function safeSvg(svg: string, depth = 0): string {
  let out = '';
  const error = (problem: SvgProblem) => {
    throw new Error(`the SVG is not well-formed: ${problem.message} (line ${problem.line}, column ${problem.col})`);
  };
  parseSvg(
    svg,
    {
      open: (name, attributes) => {
        const kept = Object.entries(attributes).flatMap(([attribute, value]) => {
          if (attribute.split(':').at(-1)?.toLowerCase() !== 'href') return [[attribute, value]];
          const safe = safeHref(value, depth);
          return safe === undefined ? [] : [[attribute, safe]];
        });
        out += `<${name}${kept.map(([a, v]) => ` ${a}="${escapeXml(v ?? '')}"`).join('')}>`;
      },
      close: (name) => {
        out += `</${name}>`;
      },
      text: (text) => {
        out += escapeXml(text);
      },
    },
    error,
  );
  return out;
}

interface Handlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** Parses `svg` strictly, expanding the internal entities its doctype declares; reports the first error and stops. */
function parseSvg(svg: string, handlers: Handlers, onError: (problem: SvgProblem) => void): void {
  const parser = new SaxesParser({ position: true });
  let failed = false;
  parser.on('error', (error) => {
    if (failed) return;
    failed = true;
    onError({
      message: error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, ''),
      line: parser.line,
      col: parser.column + 1,
    });
  });
  // Editors (old Illustrator exports) declare namespaces as entities. An entity's text is
  // substituted as text, never parsed as markup, so none can grow into more elements.
  parser.on('doctype', (doctype) => {
    for (const [, name, , value] of doctype.matchAll(/<!ENTITY\s+([^\s%]+)\s+(["'])([\s\S]*?)\2\s*>/g)) {
      if (name && value !== undefined) parser.ENTITIES[name] = decodeCharacterReferences(value);
    }
  });
  parser.on('opentag', (tag) => {
    if (!failed) handlers.open?.(tag.name, tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    if (!failed) handlers.close?.(tag.name);
  });
  parser.on('text', (text) => {
    if (!failed) handlers.text?.(text);
  });
  parser.on('cdata', (text) => {
    if (!failed) handlers.text?.(text);
  });
  parser.write(svg.replace(/^\uFEFF/, ''));
  if (!failed) parser.close();
}

function decodeCharacterReferences(text: string): string {
  return text.replace(/&#(x[0-9a-f]+|\d+);/gi, (reference, code: string) => {
    const point = code[0]?.toLowerCase() === 'x' ? Number.parseInt(code.slice(1), 16) : Number(code);
    return point <= 0x10ffff ? String.fromCodePoint(point) : reference;
  });
}

/** An href kept as it is (`#id`, a raster picture inside the SVG), made safe (an SVG inside it), or undefined: dropped. */
function safeHref(href: string, depth: number): string | undefined {
  const value = href.trim();
  if (value.startsWith('#')) return value;
  const data = /^data:([^,]*),(.*)$/is.exec(value);
  if (!data) return undefined;
  const [, params = '', payload = ''] = data;
  let bytes: Buffer;
  try {
    bytes = /;base64$/i.test(params)
      ? Buffer.from(payload, 'base64')
      : Buffer.from(decodeURIComponent(payload), 'utf8');
  } catch {
    return undefined;
  }
  const head = bytes.subarray(0, 16);
  if (isRaster(head)) return rasterPixels(bytes) <= MAX_INNER_PIXELS ? value : undefined;
  // Anything else resvg would read as an SVG (compressed SVG included) is made safe, or dropped.
  if (depth >= MAX_DEPTH || head[0] === 0x1f) return undefined;
  try {
    return `data:image/svg+xml;base64,${Buffer.from(safeSvg(bytes.toString('utf8'), depth + 1)).toString('base64')}`;
  } catch {
    return undefined;
  }
}

function isRaster(head: Buffer): boolean {
  const text = head.toString('latin1');
  return (
    text.startsWith('\x89PNG') ||
    head.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')) ||
    text.startsWith('GIF8') ||
    (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP')
  );
}

/** A raster picture's pixels, read from its header; unreadable counts as too many. */
function rasterPixels(bytes: Buffer): number {
  try {
    const { width = Number.POSITIVE_INFINITY, height = Number.POSITIVE_INFINITY } = imageSize(bytes);
    return width * height;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
