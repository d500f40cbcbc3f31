"""Golden text of the sample build: every block a reader reads, one per line, committed in
tests/golden/sample.txt, so that a change of wording or order is a visible diff in review.

After an intended change, refresh it and commit the diff:

    .venv/bin/python tests/golden.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import io  # noqa: E402

from docx import Document  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from parity import blocks, paragraph_reader  # noqa: E402
from reports import sample_docx  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "sample.txt"


def outline(data: bytes) -> list[str]:
    """A DOCX's body, one paragraph a line; a table row starts with `--- row`, each of its cells'
    paragraphs is a line starting with `| ` (the first of a cell) or `  `."""
    doc = Document(io.BytesIO(data))
    paragraph = paragraph_reader(doc)
    lines: list[str] = []
    for child in blocks(doc.element.body):
        if child.tag == qn("w:p"):
            lines.append(paragraph(child))
        elif child.tag == qn("w:tbl"):
            for tr in child.iter(qn("w:tr")):
                lines.append("--- row")
                for tc in tr.iter(qn("w:tc")):
                    texts = [paragraph(p) for p in tc.iter(qn("w:p"))]
                    texts = [t for t in texts if t.strip()] or [""]
                    lines += [("| " if i == 0 else "  ") + t for i, t in enumerate(texts)]
    return [" ".join(line.split()) if not line.startswith(("| ", "  ")) else line[:2] + " ".join(line[2:].split())
            for line in lines if line.strip()]


def sample_text() -> str:
    """The sample build's text (the parity test holds the PDF to the same words)."""
    return "".join(line + "\n" for line in outline(sample_docx()))


if __name__ == "__main__":
    GOLDEN.write_text(sample_text(), encoding="utf-8")
    print(f"wrote {GOLDEN} ({len(GOLDEN.read_text(encoding='utf-8').splitlines())} lines)")
