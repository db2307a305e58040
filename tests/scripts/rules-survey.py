#!/usr/bin/env python3
"""Every rule the generator reads over ../shared/corpus, corpus-roa and corpus-wide, one line each
(`doc<TAB>param<TAB>enforced|demoted<TAB>rule JSON`), so that a change to the extractor can be
surveyed before it lands: run it with the binary before and after, then `diff` the two files
(rules added and removed, counted, read by hand).

Usage: rules-survey.py BINARY OUT.tsv
"""
import json, os, subprocess, sys

binary, out = sys.argv[1], sys.argv[2]
shared = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
lines = []


def walk(fields, prefix, doc):
    for f in fields:
        path = prefix + f["name"]
        for c in f.get("constraints", []):
            rule = {k: v for k, v in c.items() if k != "source"}
            lines.append(f"{doc}\t{path}\tenforced\t{json.dumps(rule, ensure_ascii=False, sort_keys=True)}")
        for d in f.get("demoted", []):
            rule = {k: v for k, v in d.items() if k not in ("source", "contradicted_by")}
            lines.append(f"{doc}\t{path}\tdemoted\t{json.dumps(rule, ensure_ascii=False, sort_keys=True)}")
        walk(f.get("children", []), path + ".", doc)


for corpus in ("corpus", "corpus-roa", "corpus-wide"):
    root = os.path.join(shared, corpus)
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith(".md") or name == "SOURCES.md":
                continue
            path = os.path.join(dirpath, name)
            doc = os.path.relpath(path, shared)
            p = subprocess.run([binary, "ir", path], capture_output=True, text=True)
            if p.returncode != 0:
                lines.append(f"{doc}\t-\tunreadable\t-")
                continue
            walk(json.loads(p.stdout)["request"], "", doc)

with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(lines)} rules in {out}")
