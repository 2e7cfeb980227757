// Exam-code export files for the console's tests and benchmark, in the
// console's own format (web/js/codes_sample.js) or as given, written in
// UTF-8 or in GBK (what Excel on a Chinese Windows saves).
import { truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { sampleExport } from "../../web/js/codes_sample.js";

let gbkTable = null;
/** Each character GBK can write → its bytes (the decoder's table, read backwards once). */
function gbkBytes() {
  if (gbkTable) return gbkTable;
  gbkTable = new Map();
  const decoder = new TextDecoder("gbk", { fatal: true });
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      } catch {
        // not a GBK pair
      }
    }
  }
  return gbkTable;
}

/** `text` in GBK bytes (ASCII as it is); a character GBK cannot write throws. */
export function gbk(text) {
  const table = gbkBytes();
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else if (table.has(ch)) out.push(...table.get(ch));
    else throw new Error(`not in GBK: ${ch}`);
  }
  return Uint8Array.from(out);
}

/**
 * Writes an export to `dir/name`: `content` is CSV text or sampleExport's
 * options; `encoding` "utf-8" (default) or "gbk" (the BOM left out, as GBK
 * files have none). Returns the path.
 */
/**
 * A file of `bytes` bytes that starts as an export does (its header and one row) and
 * holds nothing after them (a sparse file: made at once, nothing written): what a
 * file refused by its size alone needs, without writing 130 MB of rows first.
 */
export async function writeSized(dir, name, bytes) {
  const file = path.join(dir, name);
  await writeFile(file, sampleExport({ codes: 1, orders: 1 }));
  await truncate(file, bytes);
  return file;
}

export async function writeExport(dir, name, content, { encoding = "utf-8" } = {}) {
  const text = typeof content === "string" ? content : sampleExport(content);
  const file = path.join(dir, name);
  await writeFile(file, encoding === "gbk" ? gbk(text.replace(/^\ufeff/, "")) : text);
  return file;
}
