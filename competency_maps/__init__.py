"""Builds a project deliverable of cluster competency maps from partner workbooks.

Flow: workbook -> reader -> model -> validation -> renderers (DOCX, PDF).
"""

__version__ = "0.1.0"
