"""The model and the analysis → the finished view both templates walk.

In: `model` objects, the typed deliverable, analysis results. Out: `ReportContent`, finished strings and rich text.
No openpyxl, no docx, no weasyprint.
"""
