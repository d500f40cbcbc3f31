// Compiles the Python the checker loads to bytecode, with the site's own Pyodide (CPython 3.14 in
// WebAssembly, under Node.js), so that a partner's browser does not compile those modules on every
// visit: npm's standard library and the wheels hold sources only (measured: Python ready 2.5x
// sooner). Only the modules the checker imports are compiled (bytecode is larger than source);
// the others stay sources, imported as before.
//   node precompile.mjs SITE_DIR IN.zip OUT.zip [IN.zip OUT.zip]...
// Each archive is copied with those modules' .py replaced by their .pyc in the same place
// (sourceless); a wheel's RECORD is written anew. competency_maps/site/build.py runs it.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [site, ...pairs] = process.argv.slice(2).map((p) => resolve(p));
const { loadPyodide } = await import(pathToFileURL(join(site, "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: join(site, "pyodide") + "/", stdout: () => {}, stderr: () => {} });
const manifest = JSON.parse(readFileSync(join(site, "site.json"), "utf-8"));
for (const name of manifest.wheels) py.unpackArchive(new Uint8Array(readFileSync(join(site, "wheels", name))), "wheel");
const compile = py.runPython(`
import ast, base64, hashlib, importlib, importlib.util, io, marshal, sys, zipfile

# What the page imports before it is ready, and a check with it: compiled. What the annotated copy and
# the preview import after (the writer, Jinja) stays source: the first visit must stay within 8 MB.
ENTRIES = ("competency_maps.site.browser", "openpyxl.reader.excel")
for entry in ENTRIES:
    importlib.import_module(entry)
ROOTS = ("/lib/python314.zip/", "/home/pyodide/")  # the stdlib; where unpackArchive puts wheels
# snowballstemmer's stemmers (every language's, imported at once) stay sources: their bytecode
# would take the first visit past 8 MB for the synthesis's themes, which a check barely uses.
LOADED = {f[len(r):] for m in list(sys.modules.values()) for f in [getattr(m, "__file__", None) or ""]
          for r in ROOTS if f.startswith(r) and f.endswith(".py") and not f[len(r):].startswith("snowballstemmer/")}

class Undocumented(ast.NodeTransformer):
    """Docstrings left out of the bytecode (a fifth of it); asserts kept (optimize=2 would drop them)."""

    def _strip(self, node):
        self.generic_visit(node)
        body = getattr(node, "body", None)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            node.body = body[1:] or [ast.Pass()]
        return node

    visit_Module = visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _strip


def compiled(buffer) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(buffer.to_bytes()))  # a Uint8Array from JavaScript
    files = {}
    for info in src.infolist():
        if info.is_dir():
            continue
        body = src.read(info)
        if info.filename in LOADED:
            tree = ast.fix_missing_locations(Undocumented().visit(ast.parse(body, info.filename)))
            code = compile(tree, info.filename, "exec", dont_inherit=True, optimize=0)
            header = importlib.util.MAGIC_NUMBER + b"\\x00" * 12  # no source beside it to compare with
            files[info.filename[:-3] + ".pyc"] = (info, header + marshal.dumps(code))
        else:
            files[info.filename] = (info, body)
    for record in [n for n in files if n.endswith(".dist-info/RECORD")]:
        lines = [f"{n},sha256={base64.urlsafe_b64encode(hashlib.sha256(b).digest()).rstrip(b'=').decode()},{len(b)}"
                 for n, (_, b) in sorted(files.items()) if n != record]
        files[record] = (files[record][0], ("\\n".join(lines + [record + ",,"]) + "\\n").encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, (info, body) in sorted(files.items()):
            z.writestr(zipfile.ZipInfo(name, info.date_time), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()
compiled
`);
for (let i = 0; i + 1 < pairs.length; i += 2) {
  const result = compile(new Uint8Array(readFileSync(pairs[i])));
  writeFileSync(pairs[i + 1], result.toJs());
  result.destroy();
}
