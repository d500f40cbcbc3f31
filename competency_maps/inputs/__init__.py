"""Untrusted files → the typed model and located issues.

In: workbooks, deliverable.toml, Markdown, images, the synthesis review file, all from `inputs/`.
Out: `model` objects and `Issue`s naming file › sheet › cell. Knows nothing of Word, HTML or PDF.
"""
