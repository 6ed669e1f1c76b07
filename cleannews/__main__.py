"""``python -m cleannews`` runs the command line."""

import sys

from cleannews.cli import main

# The guard keeps spawned worker processes, which import this module's
# parent package, from running the command line again.
if __name__ == "__main__":
    sys.exit(main())
