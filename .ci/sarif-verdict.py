#!/usr/bin/env python3
"""Reads the SARIF log that `sarif-multitool validate -o` writes and fails on any error-level result.

The multitool exits 0 even when it finds errors, so its output file is the verdict. Prints the
count per level and the rules that fired. Usage: sarif-verdict.py MULTITOOL_OUTPUT.sarif
"""
import collections
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    log = json.load(f)

by_level = collections.Counter()
by_rule = collections.defaultdict(collections.Counter)
for run in log.get("runs", []):
    for result in run.get("results") or []:
        level = result.get("level", "warning")
        by_level[level] += 1
        by_rule[level][result.get("ruleId", "?")] += 1

summary = ", ".join(f"{by_level[level]} {level}(s)" for level in ("error", "warning", "note"))
print(f"sarif-multitool: {summary}")
for level in ("error", "warning", "note"):
    for rule, n in sorted(by_rule[level].items()):
        print(f"  {level:7} {rule} x{n}")
sys.exit(1 if by_level["error"] else 0)
