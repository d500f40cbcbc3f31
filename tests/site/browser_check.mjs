// Drives the self-check page in headless Chromium (Debian's, through playwright-core), as a partner
// would: waits for the checker, gives it a workbook through the file input, reads the messages on
// the page, downloads the annotated copy, checks a second workbook and opens its chapter preview.
// Every request the browser makes is recorded. Prints one JSON document.
//   node browser_check.mjs URL BROKEN.xlsx CLEAN.xlsx OUT_DIR [--screenshots]
import { createRequire } from "node:module";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";

const require = createRequire(new URL("../../tools/site/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [url, broken, clean, out, ...flags] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath, headless: true, acceptDownloads: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const requests = [];
const problems = [];
browser.on("request", (r) => requests.push(r.url()));
const page = browser.pages()[0] || await browser.newPage();
page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
page.on("pageerror", (e) => problems.push(String(e)));
const result = { requests, problems };
try {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector("body[data-ready]", { timeout: 60_000 });
  result.ready_ms = Date.now() - t0;
  result.ready_in_worker_ms = Number(await page.getAttribute("body", "data-ready"));
  result.phases = JSON.parse(await page.getAttribute("body", "data-phases"));

  const readIssues = () => page.$$eval(".group", (groups) => groups.map((g) => ({
    heading: g.querySelector("h2").textContent, sheet: g.dataset.sheet,
    issues: [...g.querySelectorAll(".issue")].map((li) => ({
      code: li.dataset.code, cell: li.dataset.cell, severity: li.classList[1],
      shown_cell: li.querySelector(".cell").textContent, message: li.querySelector(".message").textContent,
      hint: li.querySelector(".hint")?.textContent || "" })) })));
  const summary = () => page.$eval("#summary", (p) => ({ text: p.textContent, code: p.dataset.code,
                                                           params: JSON.parse(p.dataset.params) }));
  const check = async (file) => {
    const before = await page.getAttribute("body", "data-check-ms");
    await page.evaluate(() => { delete document.body.dataset.checkMs; });
    const t = Date.now();
    await page.setInputFiles("#file", file);
    await page.waitForSelector("body[data-check-ms]", { timeout: 60_000 });
    return { wall_ms: Date.now() - t, worker_ms: Number(await page.getAttribute("body", "data-check-ms")), before };
  };

  result.broken = await check(broken);
  result.broken.summary = await summary();
  result.broken.groups = await readIssues();
  result.broken.limits = await page.$$eval("#limits li", (lis) => lis.map((li) => ({ code: li.dataset.code,
                                                                                    text: li.textContent })));
  result.broken.preview_disabled = await page.isDisabled("#preview");
  result.broken.elements = await page.evaluate(() => ({ img: document.querySelectorAll("#groups img").length,
                                                        b: document.querySelectorAll("#groups b").length }));
  if (flags.includes("--screenshots")) await page.screenshot({ path: join(out, "site-results.png"), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  result.download = { name: download.suggestedFilename(), path: join(out, download.suggestedFilename()) };
  await download.saveAs(result.download.path);

  result.clean = await check(clean);
  result.clean.summary = await summary();
  result.clean.groups = await readIssues();
  await page.click("#preview");
  await page.waitForSelector("#chapter:not([hidden])");
  const frame = page.frameLocator("#frame");
  await frame.locator("h1").first().waitFor({ timeout: 30_000 });
  const inner = page.frames().find((f) => f !== page.mainFrame());
  await inner.evaluate(() => document.fonts.ready);
  result.preview = await inner.evaluate(() => ({
    h1: [...document.querySelectorAll("h1")].map((h) => h.textContent.trim()),
    h2: [...document.querySelectorAll("h2")].map((h) => h.textContent.trim()),
    fonts: [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family),
    scripts: document.scripts.length,
    elements: { img: document.querySelectorAll("img[src='x'], img:not([class])").length,
                b: document.querySelectorAll("b").length }, width: document.body.getBoundingClientRect().width,
    text: document.body.innerText.slice(0, 20000) }));
  result.sandbox = await page.getAttribute("#frame", "sandbox");
  if (flags.includes("--screenshots")) {
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.locator("#chapter h2").scrollIntoViewIfNeeded();
    await inner.evaluate(() => { const t = document.querySelector("table.swot"); if (t) window.scrollTo(0, t.offsetTop - 120); });
    await page.screenshot({ path: join(out, "site-preview.png") });
  }
} catch (e) {
  result.error = String(e && e.stack || e);
}
await browser.close();
console.log(JSON.stringify(result));
