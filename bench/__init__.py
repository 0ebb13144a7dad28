"""The speed benchmark of newsfacts: `python -m bench` (`--quick` to check that it runs)."""
