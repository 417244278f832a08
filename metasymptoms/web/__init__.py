"""`metasymptoms serve`: the same questions, engine and words as web pages."""
