"""CBS Kerncijfers wijken en buurten: the one column-mapping table, the shipped extracts and own CBS files."""
