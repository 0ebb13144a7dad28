"""Built-in rule packs and lexicons, one folder per language (data only)."""
