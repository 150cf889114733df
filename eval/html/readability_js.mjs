// Mozilla Readability + jsdom over GOLD.jsonl.gz -> {"id","text"} lines (textContent of
// the article, as the peers' table in ../shared/data/html/README.md measures it).
// usage: node readability_js.mjs NODE_MODULES_DIR GOLD.jsonl.gz
import { createRequire } from "module";
import fs from "fs";
import zlib from "zlib";
import readline from "readline";
import path from "path";

const require = createRequire(path.join(path.resolve(process.argv[2]), "x.js"));
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const rl = readline.createInterface({
  input: fs.createReadStream(process.argv[3]).pipe(zlib.createGunzip()),
  crlfDelay: Infinity,
});
const vc = new VirtualConsole();
for await (const line of rl) {
  const d = JSON.parse(line);
  let text = "";
  try {
    const dom = new JSDOM(d.html, { url: d.url || "https://example.org/", virtualConsole: vc });
    const art = new Readability(dom.window.document).parse();
    text = art ? art.textContent : "";
    dom.window.close();
  } catch (e) {
    text = "";
  }
  process.stdout.write(JSON.stringify({ id: d.id, text }) + "\n");
}
