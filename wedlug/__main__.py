"""`python -m wedlug` runs the command line."""

from wedlug.cli import main

raise SystemExit(main())
