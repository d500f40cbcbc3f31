"""The view → a DOCX: a Word template made from `templates/reference.docx`, filled by docxtpl.
"""
