#!/usr/bin/env python3
"""REST-style (ROA) APIs: where the official Python SDK puts each request parameter, its method
and path template, beside what the generator's IR says (`location`, `method`, `path`).

Run it with the Python of a venv that has the official SDKs (see README.md):

    /tmp/oracle-venv/bin/python tests/scripts/oracle/locations.py target/release/aliyun-codegen

Not run by CI or tests. The generator never reads the official SDKs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Our folder goes to the end of the path: the SDKs import the `requests` library, not requests.py.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]

import oracle_corpus as oc  # noqa: E402
import oracle_sdk as osdk  # noqa: E402

# The SDK's place, as the IR names it (a form body and a JSON body are both `body`: the encoding
# is reported apart).
SDK_TO_IR = {"path": "path", "query": "query", "body": "body", "payload": "payload", "header": "header", "host": "host"}


def norm_template(t: str) -> str:
    t = (t or "").strip()
    t = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "{}", t)
    t = t if t.startswith("/") else "/" + t
    if len(t) > 1:
        t = t.rstrip("/")
    return t


def placeholder_names(t: str) -> list[str]:
    return [osdk.norm_name(x) for x in re.findall(r"\{([^}]*)\}|\[([^\]]*)\]", t or "") for x in x if x]


RESPONSE_HEADING = re.compile(r"^#+\s*(返回|响应|Response|Return)", re.MULTILINE | re.IGNORECASE)


def request_part(text: str) -> str:
    """The doc up to its response section: where request parameters are named."""
    m = RESPONSE_HEADING.search(text)
    return text[: m.start()] if m else text


def doc_mentions(text: str, name: str) -> bool:
    return re.search(r"(?<![A-Za-z0-9_-])" + re.escape(name) + r"(?![A-Za-z0-9_-])", text, re.IGNORECASE) is not None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", help="aliyun-codegen binary whose `ir` is compared")
    ap.add_argument("--json", help="write every comparison to this file")
    ap.add_argument("--max-list", type=int, default=400, help="disagreements printed (default 400)")
    args = ap.parse_args()
    args.binary = str(Path(args.binary).resolve())

    sdks: dict[str, osdk.Sdk | None] = {}
    shapes: dict[tuple[str, str], osdk.OpShape] = {}
    rows = []  # one per (doc, parameter)
    apis = []  # one per doc
    skipped = []
    packages = {}

    for folder in oc.ROA_FOLDERS:
        docs = oc.docs_of(folder)
        if folder in oc.SKIPPED_FOLDERS:
            skipped.append((folder, len(docs), oc.SKIPPED_FOLDERS[folder]))
            continue
        irs = oc.load_ir(args.binary, docs)
        for doc in docs:
            rel = str(doc.relative_to(oc.SHARED))
            prod = oc.doc_product(doc, folder)
            if prod is None:
                skipped.append((rel, 1, "no Explorer link and no folder default"))
                continue
            module = oc.sdk_module(prod[0], prod[1])
            if module not in sdks:
                sdks[module] = osdk.Sdk(module) if oc.sdk_installed(module) else None
                if sdks[module] is not None:
                    packages[module] = oc.sdk_version(module)
            sdk = sdks[module]
            if sdk is None:
                skipped.append((rel, 1, f"{module} not installed"))
                continue
            api = irs.get(rel)
            if api is None:
                apis.append(dict(folder=folder, doc=rel, api=doc.stem, status="no IR (generator failed on the doc)"))
                continue
            name = api.get("name") or doc.stem
            op = sdk.ops.get(name.lower()) or sdk.ops.get(doc.stem.lower())
            if op is None:
                apis.append(dict(folder=folder, doc=rel, api=name, status=f"no operation `{name}` in {module}"))
                continue
            key = (module, op.action)
            if key not in shapes:
                shapes[key] = osdk.probe(sdk, op)
            shape = shapes[key]
            if shape.error:
                apis.append(dict(folder=folder, doc=rel, api=name, status=f"SDK probe failed: {shape.error}"))
                continue
            ir_methods = [m.strip().upper() for m in (api.get("method") or "").split("|") if m.strip()]
            method_ok = shape.method.upper() in ir_methods
            tmpl_ok = norm_template(shape.path_template) == norm_template(api.get("path") or "")
            ph_ok = sorted(placeholder_names(shape.path_template)) == sorted(placeholder_names(api.get("path") or ""))
            apis.append(dict(
                folder=folder, doc=rel, api=name, status="compared", style=api.get("style"),
                sdk_method=shape.method, ir_method=api.get("method"), method_ok=method_ok,
                sdk_path=shape.path_template, ir_path=api.get("path"), path_ok=tmpl_ok, placeholders_ok=ph_ok,
                sdk_body=shape.body_kind,
            ))
            text = request_part(doc.read_text(encoding="utf-8", errors="replace"))
            ir_fields = defaultdict(list)
            for f in api.get("request", []):
                ir_fields[osdk.norm_name(f["name"])].append(f)
            used = set()
            sdk_opaque_body = any(p.location == "payload" for p in shape.params)
            for p in shape.params:
                keys = [osdk.norm_name(p.name), osdk.norm_name(p.attr)]
                if p.location == "host":
                    # The SDK names the host's first label after the thing (`project`, `bucket`:
                    # host_map keys), the docs after its name (`projectName`, `BucketName`); the
                    # row is matched by name alone, so a doc placing it elsewhere still disagrees.
                    keys += [k + "name" for k in keys]
                cands = [f for k in keys for f in ir_fields.get(k, []) if id(f) not in used]
                # two IR rows of one name (a path `InstanceId` and a body `instanceId`): take the one
                # in the SDK's place, else the first
                f = next((f for f in cands if f.get("location") == SDK_TO_IR.get(p.location)), cands[0] if cands else None)
                row = dict(folder=folder, doc=rel, api=name, param=p.name, sdk=p.location, sdk_detail=p.detail)
                if f is None:
                    row.update(ir=None, kind="sdk-only",
                               named_in_doc=doc_mentions(text, p.name) or doc_mentions(text, p.attr))
                else:
                    used.add(id(f))
                    irloc = f.get("location")
                    row.update(ir=irloc, ir_name=f["name"], line=f.get("line"), ir_type=f.get("type"), ir_wire=f.get("wire"))
                    if p.location in ("dropped", "error"):
                        row["kind"] = "sdk-defect"
                    elif SDK_TO_IR.get(p.location) == irloc:
                        row["kind"] = "agree"
                    else:
                        row["kind"] = "disagree"
                rows.append(row)
            for fs in ir_fields.values():
                for f in fs:
                    if id(f) in used:
                        continue
                    kind = "ir-only"
                    if sdk_opaque_body and f.get("location") in ("body", "payload"):
                        kind = "in-sdk-body"  # the SDK takes the whole body as one value the caller writes
                    rows.append(dict(folder=folder, doc=rel, api=name, param=f["name"], sdk=None, ir=f.get("location"),
                                     line=f.get("line"), kind=kind))

    # ------------------------------------------------------------ report
    print("Official SDK packages:")
    for m, v in sorted(packages.items()):
        print(f"  {m.replace('_', '-')} {v}")
    print()
    print("Skipped:")
    for what, n, why in skipped:
        print(f"  {what} ({n} docs): {why}")
    print()
    print("Parameters are matched by wire name, case-insensitively with `_`, `-` and other")
    print("non-alphanumerics dropped (the SDK names path arguments in snake case: instance_id = InstanceId).")
    print("A parameter the SDK sends in the host name (host_map: `project`, `bucket`) also matches a")
    print("row named after it with `Name` (`projectName`, `BucketName`), as the docs write it.")
    print("Each doc (zh-CN, en-US) is compared on its own IR (`aliyun-codegen ir DOC`).")
    print()
    hdr = f"{'folder':32} {'docs':>5} {'cmp':>5} {'params agree/cmp':>18} {'%':>6} {'sdk-only':>8} {'(named)':>7} {'ir-only':>7} {'in-body':>7} {'sdk-defect':>10} {'method':>9} {'path':>9} {'m+p':>9}"
    print(hdr)
    print("-" * len(hdr))
    tot = defaultdict(int)
    for folder in [f for f in oc.ROA_FOLDERS if f not in oc.SKIPPED_FOLDERS]:
        a = [x for x in apis if x["folder"] == folder]
        c = [x for x in a if x["status"] == "compared"]
        r = [x for x in rows if x["folder"] == folder]
        agree = sum(1 for x in r if x["kind"] == "agree")
        cmp_ = agree + sum(1 for x in r if x["kind"] == "disagree")
        sdk_only = sum(1 for x in r if x["kind"] == "sdk-only")
        named = sum(1 for x in r if x["kind"] == "sdk-only" and x.get("named_in_doc"))
        ir_only = sum(1 for x in r if x["kind"] == "ir-only")
        in_body = sum(1 for x in r if x["kind"] == "in-sdk-body")
        defect = sum(1 for x in r if x["kind"] == "sdk-defect")
        mo = sum(1 for x in c if x["method_ok"])
        po = sum(1 for x in c if x["path_ok"])
        mp = sum(1 for x in c if x["method_ok"] and x["path_ok"])
        vals = dict(docs=len(a), cmp=len(c), agree=agree, cmpp=cmp_, sdk_only=sdk_only, named=named,
                    ir_only=ir_only, in_body=in_body, defect=defect, mo=mo, po=po, mp=mp)
        for k, v in vals.items():
            tot[k] += v
        pr(folder, vals)
    print("-" * len(hdr))
    pr("overall", tot)
    print()
    notcmp = [x for x in apis if x["status"] != "compared"]
    if notcmp:
        print(f"Docs not compared ({len(notcmp)}):")
        for x in notcmp:
            print(f"  {x['doc']}: {x['status']}")
        print()

    print("Method or path disagreements:")
    for x in apis:
        if x["status"] == "compared" and not (x["method_ok"] and x["path_ok"]):
            print(f"  {x['doc']}: SDK {x['sdk_method']} {x['sdk_path']}  |  IR {x['ir_method']} {x['ir_path']}  ({x.get('style')})")
    print()
    classes = defaultdict(list)
    for x in rows:
        if x["kind"] == "disagree":
            classes[(x["sdk"] + (f"/{x['sdk_detail']}" if x["sdk_detail"] else ""), str(x["ir"]))].append(x)
    print("Parameter disagreements by class (SDK location → IR location):")
    for (s, i), xs in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        print(f"  SDK {s:16} IR {i:8} {len(xs):4}")
    print()
    print("Parameter disagreements:")
    n = 0
    for x in rows:
        if x["kind"] == "disagree":
            n += 1
            if n <= args.max_list:
                print(f"  {x['doc']}:{x.get('line', '')} {x['api']}.{x['param']}: SDK {x['sdk']}"
                      f"{'/' + x['sdk_detail'] if x['sdk_detail'] else ''}, IR {x['ir']}")
    print()
    print("SDK-only parameters that the doc names somewhere (the IR may have lost them):")
    for x in rows:
        if x["kind"] == "sdk-only" and x.get("named_in_doc"):
            print(f"  {x['doc']} {x['api']}.{x['param']}: SDK {x['sdk']}")
    print()
    print("SDK defects (the SDK itself never sends the parameter):")
    for x in rows:
        if x["kind"] == "sdk-defect":
            print(f"  {x['doc']} {x['api']}.{x['param']}: SDK {x['sdk']} ({x.get('sdk_detail', '')}), IR {x['ir']}")
    if args.json:
        Path(args.json).write_text(json.dumps(dict(packages=packages, skipped=skipped, apis=apis, params=rows),
                                              ensure_ascii=False, indent=1))
    return 0


def pr(name: str, v: dict) -> None:
    pct = f"{100 * v['agree'] / v['cmpp']:.1f}" if v["cmpp"] else "-"
    print(f"{name:32} {v['docs']:5} {v['cmp']:5} {str(v['agree']) + '/' + str(v['cmpp']):>18} {pct:>6} {v['sdk_only']:8}"
          f" {v['named']:7} {v['ir_only']:7} {v['in_body']:7} {v['defect']:10} {str(v['mo']) + '/' + str(v['cmp']):>9}"
          f" {str(v['po']) + '/' + str(v['cmp']):>9} {str(v['mp']) + '/' + str(v['cmp']):>9}")


if __name__ == "__main__":
    sys.exit(main())
