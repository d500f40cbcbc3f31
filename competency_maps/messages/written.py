"""Messages about the workbooks the tool writes: pre-filled (`new-workbook --from`) and annotated
copies (`check --annotate`)."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("prefill.same_file", "error",
             "would be written for both {first} and {second}: nothing was written.",
             "Their names make the same file name: rename one of the clusters in its workbook, or "
             "write each alone with -o."),
    Template("workbook.no_worksheets", "error", "holds no sheet of cells: no annotated copy was written.",
             "Open it in Excel or LibreOffice, check that the partner's sheets are there, and save it as "
             "'Excel Workbook (.xlsx)'."),
)
