"""`python -m docintake` runs the command line."""

from docintake.cli import main

raise SystemExit(main())
