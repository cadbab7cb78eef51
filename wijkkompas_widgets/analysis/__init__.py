"""Pure analysis functions on plain data: no widgets, no database, easy to test."""
