"""Renderers: an Assessment or a RuleBook in, a string out. No I/O here."""
