// Readability.js's CPU time per page on the 121 pages ExtractionBench's speed section times winnow on
// (../shared/bench/extraction/pages), parsing included, as a reader of raw HTML must: JSDOM, then
// Readability.parse(). Prints ms/page (best of the rounds, process CPU) so the README can set winnow's
// figure next to it. Usage: node speed.mjs [PAGES_DIR] [ROUNDS]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(process.argv[2] ?? join(here, '../../../../../shared/bench/extraction/pages'));
const rounds = Number(process.argv[3] ?? 3);
if (!existsSync(dir)) {
  console.log(`skipped: ${dir} is absent`);
  process.exit(0);
}
const pages = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort()
  .map((f) => gunzipSync(readFileSync(join(dir, f))).toString('utf8'));
const quiet = new VirtualConsole(); // pages' CSS and script errors are not ours to print

function round() {
  const start = process.cpuUsage();
  let chars = 0;
  for (const html of pages) {
    const dom = new JSDOM(html, { url: 'http://127.0.0.1/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    chars += article?.textContent?.length ?? 0;
    dom.window.close();
  }
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000 / pages.length, chars };
}

round(); // warm-up: the JIT, as ExtractionBench warms the JVM
let best = Infinity;
let chars = 0;
for (let i = 0; i < rounds; i++) {
  const r = round();
  best = Math.min(best, r.ms);
  chars = r.chars;
}
console.log(`Readability.js 0.6.0 + jsdom: ${best.toFixed(2)} ms/page CPU (best of ${rounds} rounds, ${pages.length} pages, ${chars} chars of text)`);
