// Makes the brotli and gzip copies the demo server sends (scripts/serve.mjs):
// for every text file and the .wasm it serves, build/precompressed/<path>.br
// and .gz at the strongest settings, each stamped with its source's mtime (the
// server sends a copy only for that very version of the file), and only when
// the copy is smaller. Prints the bytes before and after.
//   node scripts/precompress.mjs
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { ENCODINGS, PRECOMPRESSED, precompressedPath, servedFiles } from "./serve.mjs";

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".wasm", ".ts", ".ics"]);
const COMPRESS = {
  br: (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
  gzip: (b) => zlib.gzipSync(b, { level: 9 }),
};

rmSync(PRECOMPRESSED, { recursive: true, force: true });
const total = { raw: 0, br: 0, gzip: 0 };
for (const file of servedFiles()) {
  if (!COMPRESSIBLE.has(path.extname(file))) continue;
  const body = readFileSync(file);
  const { atime, mtime } = statSync(file);
  total.raw += body.length;
  for (const [coding, ext] of ENCODINGS) {
    const packed = COMPRESS[coding](body);
    if (packed.length >= body.length) { total[coding] += body.length; continue; }
    const out = precompressedPath(file, ext);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, packed);
    utimesSync(out, atime, mtime);
    total[coding] += packed.length;
  }
}
console.error(`precompressed: ${total.raw} B → brotli ${total.br} B, gzip ${total.gzip} B (${PRECOMPRESSED})`);
