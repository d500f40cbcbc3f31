"""Writing outputs without ever leaving a half-written file, a mismatched pair, or losing the last
good one.

The DOCX and the PDF are published as one unit (`publish`): both are written beside the old ones,
then swapped in with Ctrl+C and SIGTERM held back for the few renames; if any step fails, the old
files are put back. One build at a time writes into a folder (`locked`); the folder is checked for
writability and room before anything is rendered (`check_output_folder`).

In: the bytes of the report's files. Out: those files in the output folder, all or none.
`folder` (checked, locked), `files` (written atomically, published as a unit), `names` (file names).
"""
