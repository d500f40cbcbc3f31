// The checker, in a Web Worker: Pyodide (CPython in WebAssembly) runs the command line's own code
// (competency_maps.site.browser). Every file it loads is the site's own (site.json lists them);
// the workbook is written into Pyodide's memory, never sent anywhere.
import { loadPyodide } from "./pyodide/pyodide.mjs";

let session = null;
let last = "";

const here = (path) => new URL(path, self.location.href).href;

async function bytes(path) {
  const r = await fetch(here(path));
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.arrayBuffer();
}

async function start() {
  const t0 = performance.now();
  const site = await (await fetch(here("site.json"))).json();
  const total = site.wheels.length + 2;
  let done = 0;
  const step = () => postMessage({ type: "progress", done: ++done, total });
  postMessage({ type: "progress", done, total });
  const phases = {};
  const lap = (name, since) => { phases[name] = Math.round(performance.now() - since); return performance.now(); };
  const wheels = site.wheels.map((name) => bytes(`wheels/${name}`));  // fetched while Python starts
  wheels.forEach((p) => p.catch(() => {}));
  let t = performance.now();
  const py = await loadPyodide({ indexURL: here("pyodide/"), stdout: () => {}, stderr: () => {} });
  step();
  t = lap("python", t);
  for (const wheel of wheels) {
    py.unpackArchive(await wheel, "wheel");
    step();
  }
  t = lap("wheels", t);
  const deliverable = new TextDecoder().decode(await bytes("deliverable.json"));
  const browser = py.pyimport("competency_maps.site.browser");
  t = lap("imports", t);
  browser.unpack_deliverable(deliverable, "/deliverable");
  session = browser.Session("/deliverable");
  py.FS.mkdirTree("/work");
  step();
  lap("deliverable", t);
  self.py = py;
  postMessage({ type: "ready", ms: performance.now() - t0, phases });
}

// The partner's file name, as `check` names it, kept inside the folder (no "/" or NUL).
const safeName = (name) => (String(name).replace(/[\/\\\0]/g, "_").slice(-200) || "workbook.xlsx");

function check({ name, data, language }) {
  const t0 = performance.now();
  for (const old of self.py.FS.readdir("/work")) {
    if (old !== "." && old !== "..") self.py.FS.unlink(`/work/${old}`);
  }
  last = `/work/${safeName(name)}`;
  self.py.FS.writeFile(last, new Uint8Array(data));
  const json = session.check(last, language);
  return { type: "result", json, ms: performance.now() - t0 };
}

function annotated() {
  const folder = self.py.pyimport("competency_maps.site.browser").temporary_folder();
  const path = session.annotated(folder);
  const data = self.py.FS.readFile(path);
  return { type: "annotated", name: path.split("/").pop(), data: data.buffer };
}

const ready = start();
ready.catch((e) => postMessage({ type: "failed", reason: String(e && e.message || e).slice(0, 300) }));

onmessage = async (event) => {
  const m = event.data;
  try {
    await ready;
    if (m.type === "check") postMessage(check(m));
    else if (m.type === "annotate") {
      const out = annotated();
      postMessage(out, [out.data]);
    } else if (m.type === "preview") postMessage({ type: "preview", html: session.preview(m.base) });
  } catch (e) {
    const reason = String(e && e.message || e).split("\n").filter(Boolean).slice(-1).join(" ").slice(0, 300);
    postMessage({ type: m.type === "check" ? "check_failed" : "failed", file: m.name, reason });
  }
};
