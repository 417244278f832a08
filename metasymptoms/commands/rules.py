"""`metasymptoms rules ...`: tools for the people who review the rule files."""

from __future__ import annotations

import argparse
import json

from metasymptoms.loader import default_rules_dir, load
from metasymptoms.problems import Problem, RuleBookError


def check(args: argparse.Namespace) -> int:
    folder = args.dir or default_rules_dir()
    try:
        loaded = load(folder)
        problems: list[Problem] = list(loaded.warnings)
    except RuleBookError as error:
        problems = error.problems
    errors = [problem for problem in problems if problem.level == "error"]
    if args.format == "json":
        print(json.dumps({"problems": [problem.as_dict() for problem in problems]}, indent=2))
    else:
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s) in {folder}")
        else:
            print(f"{folder}: no problems found")
    return 1 if errors else 0
