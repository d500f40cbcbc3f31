// Runs the built site's checker under Node.js, as the page's worker runs it in a browser: the site's
// own Pyodide, its wheels and deliverable.json. Prints one JSON line per workbook given.
//   node pyodide_check.mjs SITE_DIR WORKBOOK...
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [site, ...workbooks] = process.argv.slice(2).map((p) => resolve(p));
const { loadPyodide } = await import(pathToFileURL(join(site, "pyodide", "pyodide.mjs")).href);
const t0 = performance.now();
const py = await loadPyodide({ indexURL: join(site, "pyodide") + "/", stdout: () => {}, stderr: () => {} });
const manifest = JSON.parse(readFileSync(join(site, "site.json"), "utf-8"));
for (const name of manifest.wheels) py.unpackArchive(new Uint8Array(readFileSync(join(site, "wheels", name))), "wheel");
const browser = py.pyimport("competency_maps.site.browser");
browser.unpack_deliverable(readFileSync(join(site, "deliverable.json"), "utf-8"), "/deliverable");
const session = browser.Session("/deliverable");
py.FS.mkdirTree("/work");
console.error(`ready in ${Math.round(performance.now() - t0)} ms`);
for (const path of workbooks) {
  const target = `/work/${basename(path)}`;
  py.FS.writeFile(target, new Uint8Array(readFileSync(path)));
  const t = performance.now();
  const result = JSON.parse(session.check(target, "en"));
  result.ms = performance.now() - t;
  result.pillow = py.runPython("from competency_maps.site.browser import pillow_available; pillow_available()");
  console.log(JSON.stringify(result));
}
