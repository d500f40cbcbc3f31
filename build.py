#!/usr/bin/env python3
"""The one entry point: `python build.py --help`."""
import sys

from competency_maps.cli import main

if __name__ == "__main__":
    sys.exit(main())
