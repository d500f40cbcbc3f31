"""Messages about the output folder and the files written into it (publish/)."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("output.not_a_folder", "error", "is a file, not a folder: the report cannot be written there.",
             "Name a folder with --output DIR."),
    Template("output.not_writable", "error", "cannot be written to ({reason}): nothing was changed.",
             "Check the folder's permissions, or choose another with --output DIR."),
    Template("output.no_room", "error",
             "has only {free_mb} MB free; the report needs some {needed_mb} MB: nothing was changed.",
             "Free some space on that disk, or choose another folder with --output DIR."),
    Template("output.busy", "error", "is being written by another build right now: nothing was changed.",
             "Wait for that build to finish, then build again."),
    Template("output.write_failed", "error",
             "could not be written ({reason}): nothing was changed, the previous files are in place.",
             "Free some space, close the file if another program holds it, or check the folder's "
             "permissions; then build again."),
    Template("output.not_put_back", "error",
             "holds a new {names} beside older files: the previous version could not be put back.",
             "Delete the files in that folder and build again."),
)
