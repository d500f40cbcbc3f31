"""The view → a tagged PDF: `templates/report.html.j2` laid out by weasyprint, in a second process.
"""
