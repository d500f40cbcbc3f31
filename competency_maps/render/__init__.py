"""The report view → document bytes.

In: `report.view.ReportContent`. Out: the DOCX (`render.docx`) and the PDF (`render.pdf`). Knows nothing of Excel.
"""
