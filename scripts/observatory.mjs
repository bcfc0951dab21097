// Mozilla HTTP Observatory's own tests and grading (npm @mdn/mdn-http-observatory), run
// against this machine: the package's `scan()` only knows ports 80 and 443, so this
// retrieves with the ports given and grades exactly as `scan()` does.
// Usage: node scripts/observatory.mjs HOSTNAME HTTP_PORT HTTPS_PORT  (prints JSON)
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";
import { ALL_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";
import {
  getGradeForScore,
  getScoreModifier,
} from "@mdn/mdn-http-observatory/src/grader/grader.js";

const [hostname, httpPort, httpsPort] = process.argv.slice(2);

// Chromium's HSTS preload list is fetched by the package's install script, which
// `npm ci --ignore-scripts` skips (and which needs the internet): an empty list is
// the truth for this machine's hostname.
const packageDir = path.dirname(
  createRequire(import.meta.url).resolve("@mdn/mdn-http-observatory/package.json")
);
const preloadList = path.join(packageDir, "conf", "hsts-preload.json");
if (!fs.existsSync(preloadList)) fs.writeFileSync(preloadList, "{}");
const requests = await retrieve(hostname, { httpPort, httpsPort });
if (!requests.responses.auto) {
  console.log(JSON.stringify({ error: "the site did not answer" }));
  process.exit(1);
}
let withExtraCredit = 100;
let uncurved = 100;
const tests = {};
for (const test of ALL_TESTS) {
  const output = test(requests);
  const modifier = output.result ? getScoreModifier(output.result) : 0;
  withExtraCredit += modifier;
  if (modifier < 0) uncurved += modifier;
  tests[output.constructor.name] = { result: output.result, pass: output.pass, modifier };
}
const score = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved;
const { grade } = getGradeForScore(score);
console.log(
  JSON.stringify({ grade, score, status: requests.responses.auto.status, tests }, null, 2)
);
