"""Markdown that exercises every block the report keeps (a table, code, a list ten levels deep, a
link 3,000 characters long): shared by the rich-text tests and the DOCX/PDF parity tests."""

LONG_URL = "https://example.org/" + "a" * 3000
NESTED = "".join("  " * i + f"- level {i}\n" for i in range(10))
MARKDOWN = f"""Intro.

| Partner | Role |
|---|---|
| Mov'eo | **lead** |

```
code  here
  indented
```

See [the site]({LONG_URL}) and <https://example.org/b>.

{NESTED}
After the list.
"""
