// The self-check page: the partner's workbook goes to the worker (worker.js) and its issues come
// back, as `build.py check` gives them. Every word shown comes from messages.json (the catalog the
// site was built with) or from the checker; partner text is only ever set as textContent.

const $ = (id) => document.getElementById(id);
const state = { catalog: {}, language: "en", result: null, file: null };

function t(code, params = {}, part = 0) {
  const entry = state.catalog[state.language]?.[code] || state.catalog.en?.[code] || [code, ""];
  return entry[part].replace(/\{(\w+)\}/g, (_, k) => (k in params ? String(params[k]) : `{${k}}`));
}

function chooseLanguage(available) {
  const asked = [localStorage.getItem("language"), ...(navigator.languages || [navigator.language])];
  for (const tag of asked) {
    const base = String(tag || "").toLowerCase().split("-")[0];
    if (available.includes(base)) return base;
  }
  return available.includes("en") ? "en" : available[0];
}

function translatePage() {
  document.documentElement.lang = state.language;
  for (const el of document.querySelectorAll("[data-msg]")) el.textContent = t(el.dataset.msg);
  for (const el of document.querySelectorAll("[data-msg-hint]")) el.textContent = t(el.dataset.msgHint, {}, 1);
}

function status(text, { done = false, failed = false } = {}) {
  $("status-text").textContent = text;
  $("status").classList.toggle("done", done);
  $("status-text").classList.toggle("failed", failed);
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function showResult(result) {
  state.result = result;
  const params = { file: result.file, cluster: result.cluster || "?", errors: result.errors, warnings: result.warnings };
  const code = result.errors ? "site.result.errors" : result.warnings ? "site.result.warnings" : "site.result.ok";
  $("summary").textContent = t(code, params);
  $("summary").dataset.code = code;  // the template shown, and its parameters: for programs and tests
  $("summary").dataset.params = JSON.stringify(params);
  $("summary-hint").textContent = t(code, params, 1);
  const groups = new Map();
  for (const issue of result.issues) {
    const key = issue.sheet || "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(issue);
  }
  const box = $("groups");
  box.replaceChildren();
  for (const [sheet, issues] of groups) {
    const group = element("section", "group");
    group.dataset.sheet = sheet;
    group.append(element("h2", "", sheet ? t("site.sheet.name", { sheet }) : t("site.sheet.file")));
    const list = element("ul");
    for (const i of issues) {
      const li = element("li", `issue ${i.severity}`);
      li.dataset.code = i.code;
      li.dataset.cell = i.cell;
      li.append(element("span", "cell", i.cell ? t("site.cell", { cell: i.cell }) : ""),
                element("span", "severity", t(`site.severity.${i.severity}`)),
                element("p", "message", i.message));
      if (i.hint) li.append(element("p", "hint", i.hint));
      list.append(li);
    }
    group.append(list);
    box.append(group);
  }
  $("limits").replaceChildren(...result.limits.map((c) => {
    const li = element("li", "", t(c));
    li.dataset.code = c;
    return li;
  }));
  $("preview").disabled = !result.preview;
  $("preview").title = result.preview ? "" : t("site.preview.none");
  $("download").disabled = false;
  $("results").hidden = false;
  $("chapter").hidden = true;
}

function download(name, data) {
  const url = URL.createObjectURL(new Blob([data], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const a = element("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function main() {
  const worker = new Worker("worker.js", { type: "module" });  // first: Python starts while the page is set up
  const early = [];
  worker.onmessage = (event) => early.push(event);
  const [catalog, site] = await Promise.all([fetch("messages.json").then((r) => r.json()),
                                             fetch("site.json").then((r) => r.json())]);
  state.catalog = catalog;
  const languages = Object.keys(catalog);
  state.language = chooseLanguage(languages);
  const select = $("language");
  for (const code of languages) select.append(new Option(site.language_names[code] || code, code));
  select.value = state.language;
  select.closest("label").hidden = languages.length < 2;
  select.onchange = () => {
    state.language = select.value;
    localStorage.setItem("language", state.language);
    translatePage();
    if (state.file) checkFile(state.file);
  };
  translatePage();

  const send = (m, transfer = []) => worker.postMessage(m, transfer);
  const onMessage = ({ data: m }) => {
    if (m.type === "progress") {
      $("progress").max = m.total;
      $("progress").value = m.done;
      status(t("site.loading", { done: m.done, total: m.total }));
    } else if (m.type === "ready") {
      document.body.dataset.ready = Math.round(m.ms);
      document.body.dataset.phases = JSON.stringify(m.phases);
      $("file").disabled = false;
      status(t("site.ready"), { done: true });
    } else if (m.type === "result") {
      document.body.dataset.checkMs = Math.round(m.ms);
      status(t("site.ready"), { done: true });
      showResult(JSON.parse(m.json));
    } else if (m.type === "annotated") {
      download(m.name, m.data);
    } else if (m.type === "preview") {
      $("frame").srcdoc = m.html;
      $("chapter").hidden = false;
      $("chapter").scrollIntoView();
    } else if (m.type === "check_failed") {
      status(t("site.check_failed", m) + " " + t("site.check_failed", m, 1), { done: true, failed: true });
    } else if (m.type === "failed") {
      status(t("site.failed", { reason: m.reason }) + " " + t("site.failed", {}, 1), { done: true, failed: true });
    }
  };
  worker.onmessage = onMessage;
  early.splice(0).forEach(onMessage);

  const checkFile = async (file) => {
    state.file = file;
    status(t("site.checking", { file: file.name }));
    const data = await file.arrayBuffer();
    send({ type: "check", name: file.name, data, language: state.language }, [data]);
  };
  $("file").onchange = () => $("file").files[0] && checkFile($("file").files[0]);
  const drop = $("drop");
  drop.ondragover = (e) => { e.preventDefault(); drop.classList.add("over"); };
  drop.ondragleave = () => drop.classList.remove("over");
  drop.ondrop = (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const file = e.dataTransfer.files[0];
    if (file && !$("file").disabled) checkFile(file);
  };
  $("download").onclick = () => send({ type: "annotate" });
  $("preview").onclick = () => send({ type: "preview", base: new URL("preview/", location.href).href });
}

main();
