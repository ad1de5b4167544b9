/**
 * Text files read strictly as UTF-8: an outline, a code file and a theme's
 * stylesheets alike. A lenient read would turn each byte of another encoding
 * (Latin-1's `é`) into U+FFFD without a word; this one says where the first
 * such byte sits, so the message can point at it. Pure.
 */

/** Where the first byte that is not UTF-8 sits (1-based, counted like YAML positions), and its value. */
export interface InvalidByte {
  line: number;
  col: number;
  byte: number;
}

/** `bytes` as UTF-8 text without its byte order mark, or where its first byte that is not UTF-8 sits. */
export function utf8Text(bytes: Uint8Array): string | InvalidByte {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return firstInvalidByte(bytes);
  }
}

/** Where the first byte that is not valid UTF-8 sits (`bytes` is known to hold one). */
function firstInvalidByte(bytes: Uint8Array): InvalidByte {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let line = 1;
  let col = 1;
  // Lenient decoding turns each bad sequence into U+FFFD; one written as such (EF BF BD) is fine.
  for (const char of new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)) {
    const written = Buffer.from(char);
    if (char === '\uFFFD' && !written.equals(buffer.subarray(offset, offset + written.length))) break;
    offset += written.length;
    if (char === '\n') [line, col] = [line + 1, 1];
    else if (!(char === '\uFEFF' && offset === written.length)) col += char.length;
  }
  return { line, col, byte: buffer[offset] ?? 0 };
}
