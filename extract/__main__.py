"""`python -m extract` runs the newsfacts command line."""

from extract.launch import main

raise SystemExit(main())
