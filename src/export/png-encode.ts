/**
 * RGB pixels → PNG, compressed by Node's zlib off the main thread. Each row is
 * stored unfiltered at deflate level 3: for slides (flat colors, text) that is
 * about 30 ms an image at 2560×1440, where mutool's own PNG writer (level 6)
 * takes about 200 ms on a dense slide and pngjs, which filters every row in
 * JavaScript, about 330 ms; the files stay smaller than Chromium's captures.
 * `PngRows` compresses rows as they come, without holding the image's pixels:
 * deflate's output does not depend on how its input is cut.
 */
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes of rows given to zlib and not yet compressed, at most (about): see `PngRows`. */
const BEHIND = 1024 * 1024;
/** Measured on the shipped talk's slides: faster than level 1 and smaller (see the header). */
const LEVEL = 3;

/**
 * A PNG compressed as its rows come (each a 0 byte, then its RGB pixels; in
 * pieces of any size, in order): `write` says whether to wait for `onDrain`
 * before the next piece, once zlib is a megabyte behind (pausing the source at
 * the stream's own 16 KB mark paused mutool's output after every 64 KB read,
 * and cost the main thread more); `end` gives the PNG.
 */
export class PngRows {
  private readonly deflate = zlib.createDeflate({ level: LEVEL, chunkSize: 64 * 1024 });
  private readonly png: Promise<Buffer>;
  private waiting: (() => void) | undefined;
  private written = 0;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    const parts: Buffer[] = [];
    this.deflate.on('data', (part: Buffer) => parts.push(part));
    this.png = new Promise<Buffer>((resolve, reject) => {
      this.deflate.once('end', () => resolve(pngOf(width, height, Buffer.concat(parts))));
      this.deflate.once('error', reject);
    });
    this.png.catch(() => {}); // seen by whoever awaits `end`
  }

  write(rows: Uint8Array): boolean {
    this.written += rows.length;
    this.deflate.write(rows);
    return this.deflate.writableLength < BEHIND;
  }

  /**
   * Once, after `write` returned false: `then` when zlib has taken all it was
   * given, or at `end` (a stream emits no 'drain' once it is ending, and the
   * source waits to go on with the next image).
   */
  onDrain(then: () => void): void {
    this.waiting = then;
    this.deflate.once('drain', () => this.goOn());
  }

  /** The PNG; rejects when the rows written are not `height` rows of `width` pixels. */
  end(): Promise<Buffer> {
    this.goOn();
    this.deflate.end();
    const expected = (this.width * 3 + 1) * this.height;
    if (this.written !== expected)
      return Promise.reject(new Error(`${this.written} bytes are not ${this.height} rows of ${this.width}`));
    return this.png;
  }

  /** Calls what waits for 'drain', once. */
  private goOn(): void {
    const then = this.waiting;
    this.waiting = undefined;
    then?.();
  }
}

/** The PNG file of a `width`×`height` truecolor image whose rows `idat` holds, compressed. */
function pngOf(width: number, height: number, idat: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolor, deflate, no filter method beyond the rows', no interlace
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** Length, type, data and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
