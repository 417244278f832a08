"""metasymptoms: learn where cancer commonly spreads and which symptoms that can cause.

Educational only: it never says what a person has, and always ends by sending them to a
healthcare provider.
"""

__version__ = "0.1.0"

# Ctrl-C or SIGTERM from the first moment, imports included: see stopping.py.
from metasymptoms import stopping as _stopping

if _stopping.started_as_program():
    _stopping.install()
