"""Workbooks the tool writes: the blank standard workbook, a pre-filled one, the annotated copy.

In: the schema and `model` objects. Out: XLSX bytes.
"""
