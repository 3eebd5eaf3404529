"""Validates JSON objects against an official HSDS 3.0 schema kept beside this file.

Usage: python3 validate.py SCHEMA.json FILE.json, where FILE holds a JSON array of objects.
Prints every error with the object's index and path; exits 1 if any object is invalid.
Needs the `jsonschema` package from PyPI (.ci/run installs it).
"""
import json
import os
import sys

import jsonschema


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, sys.argv[1]), encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        instances = json.load(f)
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    bad = 0
    for n, instance in enumerate(instances):
        for error in validator.iter_errors(instance):
            bad += 1
            path = "/".join(str(p) for p in error.absolute_path)
            print(f"object {n} at /{path}: {error.message}")
    print(f"{len(instances)} objects, {bad} errors against {sys.argv[1]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
