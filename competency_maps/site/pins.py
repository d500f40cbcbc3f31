"""What the self-check site runs on, pinned: the Pyodide runtime from npm and the pure-Python wheels
from PyPI, each with the checksum of the file the registry served when it was pinned.

A site holds what a partner's browser executes, so nothing is taken "latest": a new version is a
deliberate edit here (its sha256 from `pip download` / `npm pack`, then the parity tests).
The versions are those the command line is tested with, so that both answer alike.
"""

from __future__ import annotations

from dataclasses import dataclass

PYODIDE_VERSION = "314.0.7"  # Python 3.14; the issue measured this one


@dataclass(frozen=True)
class Artifact:
    name: str  # as the registry spells it
    version: str
    filename: str  # as the registry serves it
    sha256: str
    registry: str  # "pypi" or "npm"

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}"


PYODIDE = Artifact("pyodide", PYODIDE_VERSION, f"pyodide-{PYODIDE_VERSION}.tgz",
                   "66b7949e5a0cba2250b586d7e368bf12fb482800748d182c4618254b685ffaa0", "npm")
# The runtime's files the page loads (the rest of the npm package is for Node.js and debuggers).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

WHEELS = (
    Artifact("openpyxl", "3.1.5", "openpyxl-3.1.5-py2.py3-none-any.whl",
             "5282c12b107bffeef825f4617dc029afaf41d0ea60823bbb665ef3079dc79de2", "pypi"),
    Artifact("et_xmlfile", "2.0.0", "et_xmlfile-2.0.0-py3-none-any.whl",
             "7a91720bc756843502c3b7504c77b8fe44217c85c537d85037f0f536151b2caa", "pypi"),
    Artifact("defusedxml", "0.7.1", "defusedxml-0.7.1-py2.py3-none-any.whl",
             "a352e7e428770286cc899e2542b6cdaedb2b4953ff269a210103ec58f6198a61", "pypi"),
    Artifact("markdown-it-py", "4.3.0", "markdown_it_py-4.3.0-py3-none-any.whl",
             "7aa1511a46c39138de78d9eba92ce47e63124d8003fc98b3a351909e04239efa", "pypi"),
    Artifact("mdurl", "0.1.2", "mdurl-0.1.2-py3-none-any.whl",
             "84008a41e51615a49fc9966191ff91509e3c40b939176e643fd50a5c2196b8f8", "pypi"),
    Artifact("python-slugify", "9.2.0", "python_slugify-9.2.0-py3-none-any.whl",
             "7298dcfc65e9ccdf834b3c398f163af0d09a9a8fc1ee6a7b2dffd8d38bfb756e", "pypi"),
    Artifact("text-unidecode", "1.3", "text_unidecode-1.3-py2.py3-none-any.whl",
             "1311f10e8b895935241623731c2ba64f4c455287888b18189350b67134a822e8", "pypi"),
    Artifact("snowballstemmer", "3.1.1", "snowballstemmer-3.1.1-py3-none-any.whl",  # the synthesis's themes
             "7e207fa178741da09cdee59d3ecec3827ad5f92b1fc5c9ff3755b639f71f5752", "pypi"),
    Artifact("jinja2", "3.1.6", "jinja2-3.1.6-py3-none-any.whl",
             "85ece4451f492d0c13c5dd7c13a64681a86afae63a5f347908daf103ce6d2f67", "pypi"),
)
# MarkupSafe's wheels on PyPI are compiled (its speedups); its sdist holds the pure fallback, which
# `wheels.pure_wheel_from_sdist` packs as a py3-none-any wheel.
MARKUPSAFE_SDIST = Artifact("markupsafe", "3.0.4", "markupsafe-3.0.4.tar.gz",
                            "2e9ad7dd851bf45fab9f75cbff4cb493fee9979e8d8c7c9c3ee119022518edd6", "pypi")
