"""metasymptoms: learn where cancer commonly spreads and which symptoms that can cause.

Educational only: it never says what a person has, and always ends by sending them to a
healthcare provider.
"""

__version__ = "0.1.0"
