"""The typed model: what a partner's workbook says once read, and the workbook's schema.

In: nothing (pure data types). Out: `Cluster` and its parts, rich text, the schema of sheets and columns.
"""
