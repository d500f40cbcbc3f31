"""Messages of `build.py init DIR` (commands/init.py): a folder that cannot take a new deliverable."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("init.exists", "error", "already exists: nothing was written.",
             "Choose a new or empty folder; your own files are never replaced."),
    Template("init.not_folder", "error", "is a file, not a folder: nothing was written.",
             "Name a new folder for the deliverable."),
    Template("init.write_failed", "error", "cannot be written ({reason}).",
             "Check that the folder can be written, or choose another."),
)
