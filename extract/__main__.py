"""`python -m extract` runs the newsfacts command line."""

from extract.cli import main

raise SystemExit(main())
