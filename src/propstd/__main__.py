"""`python -m propstd`: run the command line."""

from propstd.cli import main

raise SystemExit(main())
