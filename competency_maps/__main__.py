"""`python -m competency_maps`: the same command line as `build.py` and `competency-maps`."""
import sys

from competency_maps.cli import main

if __name__ == "__main__":
    sys.exit(main())
