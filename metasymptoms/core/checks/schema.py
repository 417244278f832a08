"""schema: a key, value or reference the rule book does not allow.

Every file is checked against its model: unknown or missing keys, a value of the wrong kind, an
id used twice, a finding, site or source that does not exist, a date in the future, an
'approved' book.yaml without a sign-off of its version.

PASS:  urgency: emergency
FAIL:  urgency: asap
"""

from __future__ import annotations

from typing import Literal

# The check of every problem that names no other (problems.Problem's default): the models
# (validate.py), what one file says of another (references.py), the scenarios and hazard log.
ID = "schema"
LEVEL: Literal["error"] = "error"
