"""The validated data as files: the export (JSON, CSV, XLSX), the build's snapshot, the version log.

In: `model` objects. Out: JSON/CSV/XLSX bytes, and the model read back from JSON.
"""
