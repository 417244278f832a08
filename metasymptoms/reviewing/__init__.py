"""Clinicians and educators reviewing the rule book: the checks, proofs over every path of the
questions, the behavioural diff, the hazard log, and the rule book as a document."""
