"""What each command does, in the coordinator's words: one module per subcommand.

In: the parsed command line (cli.py imports the one module a command needs, and only that).
Out: an exit code, what the coordinator reads on the console, and the files the command writes.

`check` never loads a renderer; `build` and `proof` share `rendering` (render in memory, then
publish) and, with `changes`, `history` (the changes since the last build, the version log).
"""
