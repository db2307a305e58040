#!/usr/bin/env python3
"""Request examples of the docs, sent through the official Python SDK (captured, never sent):
what the SDK would put on the wire for the example's own values, beside what the doc example
says (read here, independently of the generator) and what the generator's IR reads and decides.

    /tmp/oracle-venv/bin/python tests/scripts/oracle/requests.py target/release/aliyun-codegen

Not run by CI or tests. The generator never reads the official SDKs.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is called requests.py and the SDKs import the `requests` library: our folder must not
# shadow it, so it goes to the end of the path.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import urllib.parse  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402

import oracle_corpus as oc  # noqa: E402
import oracle_sdk as osdk  # noqa: E402

EXAMPLES_HEADING = re.compile(r"^#+\s*(示例|完整示例|Examples?|Sample)", re.IGNORECASE)
SYNTAX_HEADING = re.compile(r"^#+\s*(请求语法|Request (syntax|structure))", re.IGNORECASE)


def find_examples(doc: Path, style: str) -> list[int]:
    """1-based line of each fenced request example after the examples heading."""
    lines = doc.read_text(encoding="utf-8", errors="replace").split("\n")
    start = next((i for i, l in enumerate(lines) if EXAMPLES_HEADING.match(l.strip())), None)
    if start is None:
        return []
    out = []
    i = start
    while i < len(lines):
        if lines[i].strip().startswith("```"):
            j = i + 1
            body = []
            while j < len(lines) and not lines[j].strip().startswith("```"):
                body.append(lines[j])
                j += 1
            first = next((l for l in body if l.strip()), "")
            text = "".join(l.strip() for l in body)
            if style == "ROA":
                if oc.REQUEST_LINE.match(first) or re.match(r"^\s*\$?\s*curl\b", first):
                    out.append(i + 1)
            elif "Action=" in text or re.match(r"^\s*https?://\S*\?", first) or (
                re.match(r"^\s*(GET|POST)\s", first) and "?" in text
            ):
                if not first.strip().startswith(("HTTP/", "{", "<")):
                    out.append(i + 1)
            i = j + 1
        else:
            i += 1
    return out


# ---------------------------------------------------------------- doc values → SDK request


def unflatten(pairs: list[tuple[str, str]]) -> dict:
    """`Tag.1.Key=a` → {'Tag': {1: {'Key': 'a'}}} (index maps become lists in `coerce`)."""
    root: dict = {}
    for k, v in pairs:
        parts = k.split(".")
        cur = root
        for pi, part in enumerate(parts):
            key = int(part) if part.isdigit() else part
            if pi == len(parts) - 1:
                cur[key] = v
            else:
                nxt = cur.get(key)
                if not isinstance(nxt, dict):
                    nxt = {}
                    cur[key] = nxt
                cur = nxt
    return _lists(root)


def _lists(v):
    if isinstance(v, dict):
        v = {k: _lists(x) for k, x in v.items()}
        if v and all(isinstance(k, int) for k in v):
            return [v[k] for k in sorted(v)]
    return v


def sdk_fields(sdk: osdk.Sdk, cls) -> dict[str, tuple[str, tuple, str]]:
    out = {}
    if cls is None:
        return out
    for attr, tspec in osdk.model_fields(cls, sdk.models):
        wn = osdk.wire_name(cls, attr, tspec, sdk.models) or attr
        out[wn.lower()] = (attr, tspec, wn)
    return out


def build_call(sdk: osdk.Sdk, op: osdk.Operation, shape: osdk.OpShape, values: dict, path: str | None,
               notes: list[str]) -> tuple[dict, object, object]:
    """Path arguments, request model and headers model from the doc's values (wire names)."""
    values = dict(values)
    path_values = {}
    if path is not None:
        m = osdk.path_regex(shape.path_template.split("?")[0]).match(path)
        if m:
            path_values = {k: urllib.parse.unquote(v) for k, v in m.groupdict().items()}
        else:
            notes.append("path: the doc's path does not fit the SDK's template")
    for arg in op.path_args:
        if arg not in path_values:
            hit = next((k for k in values if osdk.norm_name(k) == osdk.norm_name(arg)), None)
            if hit is not None:
                path_values[arg] = str(values.pop(hit))
            else:
                path_values[arg] = ""
                if f"{{{arg}}}" in shape.path_template or any(p.attr == arg and p.location == "host" for p in shape.params):
                    notes.append(f"{arg}: no value in the example")
        else:
            for k in [k for k in values if osdk.norm_name(k) == osdk.norm_name(arg)]:
                values.pop(k)  # the same value written again as a member (mse examples)
    req = None
    used = set()
    if op.request_cls is not None:
        fields = sdk_fields(sdk, op.request_cls)
        req = op.request_cls()
        opaque = fields.get("body")  # an SDK that takes the whole body as one value
        for k, v in values.items():
            hit = fields.get(k.lower())
            if hit is None:
                continue
            attr, tspec, wn = hit
            setattr(req, attr, osdk.coerce(v, tspec, sdk.models, notes, wn))
            used.add(k)
        if "\0body" in values and opaque is not None:
            attr, tspec, _ = opaque
            setattr(req, attr, osdk.coerce(values["\0body"], tspec, sdk.models, notes, "body"))
            used.add("\0body")
    hdr = None
    if op.headers_cls is not None:
        fields = sdk_fields(sdk, op.headers_cls)
        hdr = op.headers_cls()
        for k, v in values.items():
            hit = fields.get(k.lower())
            if hit is not None and k not in used:
                attr, tspec, wn = hit
                setattr(hdr, attr, osdk.coerce(v, tspec, sdk.models, notes, wn))
                used.add(k)
    body_keys = set(values["\0body"]) if isinstance(values.get("\0body"), dict) else set()
    for k in values:
        if k not in used and k != "\0body" and not ("\0body" in used and k in body_keys):
            notes.append(f"{k}: not a parameter of the SDK's {op.action}; not sent")
    return path_values, req, hdr


# ---------------------------------------------------------------- comparing


def scalar(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def json_equal(a, b, loose: bool) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k], loose) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y, loose) for x, y in zip(a, b))
    if loose:
        return scalar(a) == scalar(b)
    return a == b and type(a) is type(b)


def value_equal(a: str, b: str) -> bool:
    if a == b:
        return True
    if a in ("True", "False") and b.lower() == a.lower():
        return True  # Python releases of the SDK spell booleans `True`/`False` on the wire
    try:
        return json_equal(json.loads(a), json.loads(b), True)
    except (ValueError, TypeError):
        return False


def compare_pairs(sdk_pairs: list[tuple[str, str]], doc_pairs: list[tuple[str, str]], who: str = "SDK") -> list[str]:
    """Differences between two query (or RPC parameter) lists, as readable items."""
    out = []
    sd = defaultdict(list)
    for k, v in sdk_pairs:
        sd[k].append(v)
    dd = defaultdict(list)
    for k, v in doc_pairs:
        dd[k].append(v)
    for k in sorted(set(sd) | set(dd)):
        a, b = sd.get(k, []), dd.get(k, [])
        if len(a) == len(b) and all(value_equal(x, y) for x, y in zip(sorted(a), sorted(b))):
            continue
        if not a:
            ci = [x for x in sd if x.lower() == k.lower()]
            out.append(f"doc `{k}={b[0]}` not {'sent' if who == 'SDK' else 'read'}" + (f" ({who} spells it `{ci[0]}`)" if ci else ""))
        elif not b:
            if not any(x.lower() == k.lower() for x in dd):
                out.append(f"{who} {'sends' if who == 'SDK' else 'reads'} `{k}={a[0]}` the doc example does not have")
        else:
            out.append(f"`{k}`: {who} `{'|'.join(a)}`, doc `{'|'.join(b)}`")
    return out


def style_of(pairs: list[tuple[str, str]], name: str) -> str:
    keys = [k for k, _ in pairs if k == name or k.startswith(name + ".")]
    if not keys:
        return "absent"
    if any("." in k for k in keys):
        return "flat"
    v = next(v for k, v in pairs if k == name)
    return "json" if v.strip()[:1] in "[{" else "plain"


def ir_style(f: dict | None) -> str:
    if f is None:
        return "absent"
    w = f.get("wire")
    if w == "repeat_list":
        return "flat"
    if w == "json":
        return "json"
    return "plain"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", help="aliyun-codegen binary whose `ir` is compared")
    ap.add_argument("--only", help="comma-separated folders (as printed), default all")
    ap.add_argument("--json", help="write every example's comparison to this file")
    ap.add_argument("--cases", help="write one JSON line per example: the doc's values and what the SDK sends "
                                    "(input for a Rust harness over a generated crate; see README)")
    ap.add_argument("--max-list", type=int, default=60, help="items printed per class (default 60)")
    args = ap.parse_args()
    args.binary = str(Path(args.binary).resolve())
    folders = [f for f in oc.ROA_FOLDERS + oc.RPC_FOLDERS]
    if args.only:
        folders = [f for f in folders if f in args.only.split(",") or f.split("/")[1] in args.only.split(",")]

    sdks: dict = {}
    shapes: dict = {}
    packages = {}
    skipped = []
    results = []
    cases = []
    for folder in folders:
        style = "ROA" if folder in oc.ROA_FOLDERS else "RPC"
        docs = oc.docs_of(folder)
        if folder in oc.SKIPPED_FOLDERS:
            skipped.append((folder, len(docs), oc.SKIPPED_FOLDERS[folder]))
            continue
        irs = oc.load_ir(args.binary, docs)
        for doc in docs:
            rel = str(doc.relative_to(oc.SHARED))
            lines = find_examples(doc, style)
            if not lines:
                continue
            api = irs.get(rel)
            name = (api or {}).get("name") or doc.stem
            base = dict(folder=folder, doc=rel, api=name, style=style)
            prod = oc.doc_product(doc, folder)
            module = oc.sdk_module(*prod[:2]) if prod else None
            if module and module not in sdks:
                sdks[module] = osdk.Sdk(module) if oc.sdk_installed(module) else None
                if sdks[module] is not None:
                    packages[module] = oc.sdk_version(module)
            sdk = sdks.get(module) if module else None
            op = None
            if sdk is not None:
                op = sdk.ops.get(name.lower()) or sdk.ops.get(doc.stem.lower())
                if op is None:
                    m = re.search(r"[?&]api=(\w+)", doc.read_text(encoding="utf-8", errors="replace"))
                    if m:
                        op = sdk.ops.get(m.group(1).lower())
            for line in lines:
                r = dict(base, line=line)
                results.append(r)
                if prod is None:
                    r["status"] = "no product"
                    continue
                if sdk is None:
                    r["status"] = f"no SDK ({module})"
                    continue
                if op is None:
                    r["status"] = f"no operation in {module}"
                    continue
                key = (module, op.action)
                if key not in shapes:
                    shapes[key] = osdk.probe(sdk, op)
                shape = shapes[key]
                if shape.error:
                    r["status"] = f"SDK probe failed: {shape.error}"
                    continue
                run_example(r, doc, line, style, api, sdk, op, shape)
                if args.cases and r.get("status") == "built":
                    cases.append(dict(folder=folder, doc=rel, line=line, api=name, style=style, sdk_action=op.action,
                                      sdk_version=shape.version, doc_values=r["doc_values"], sdk=r["sdk_wire"]))

    report(results, packages, skipped, args.max_list)
    if args.json:
        Path(args.json).write_text(json.dumps(dict(packages=packages, skipped=skipped, examples=results),
                                              ensure_ascii=False, indent=1, default=str))
    if args.cases:
        with open(args.cases, "w", encoding="utf-8") as fh:
            for c in cases:
                fh.write(json.dumps(c, ensure_ascii=False, default=str) + "\n")
    return 0


def ir_example_at(api: dict | None, style: str, line: int, doc: Path) -> dict | None:
    if api is None:
        return None
    text_lines = doc.read_text(encoding="utf-8", errors="replace").split("\n")
    end = line
    while end < len(text_lines) and not text_lines[end].strip().startswith("```"):
        end += 1
    items = api.get("examples", {}).get("http_requests" if style == "ROA" else "requests", [])
    for it in items:
        if Path(it.get("file", "")).name == doc.name and line <= it.get("line", -1) <= end + 1:
            return it
    return None


def run_example(r: dict, doc: Path, line: int, style: str, api: dict | None, sdk, op, shape) -> None:
    notes: list[str] = []
    ir_fields = {}
    for f in (api or {}).get("request", []):
        ir_fields.setdefault(f["name"].lower(), f)
    ir_ex = ir_example_at(api, style, line, doc)
    r["ir_read"] = ir_ex is not None
    if style == "ROA":
        ex = oc.read_roa_example(doc, line)
        if ex.problems and not ex.method:
            r["status"] = "unreadable: " + "; ".join(ex.problems)
            return
        values: dict = {}
        for k, v in ex.query:
            values.setdefault(k, v)
        if isinstance(ex.body, dict):
            for k, v in ex.body.items():
                values.setdefault(k, v)
        elif ex.body_kind == "form":
            for k, v in ex.body:
                values.setdefault(k, v)
        if ex.body is not None:
            values["\0body"] = ex.body if ex.body_kind == "json" else ex.body_text
        r["doc_values"] = {k if k != "\0body" else "<body>": v for k, v in values.items()}
        try:
            pv, req, hdr = build_call(sdk, op, shape, values, ex.path, notes)
            w = sdk.call(op, pv, req, hdr)
        except Exception as e:
            r["status"] = f"SDK failed: {type(e).__name__}: {e}"[:200]
            return
        r["status"] = "built"
        r["notes"] = notes
        sdk_path = urllib.parse.unquote(w.pathname.split("?")[0])
        r["sdk_wire"] = dict(method=w.method, path=sdk_path, query=sorted(w.query.items()), body_kind=w.body_kind,
                             body=w.body, headers=w.headers, host=w.host)
        diffs = []
        if w.method != ex.method:
            diffs.append(("method", f"SDK {w.method}, doc {ex.method}"))
        if sdk_path.rstrip("/") != ex.path.rstrip("/"):
            diffs.append(("path", f"SDK {sdk_path}, doc {ex.path}"))
        sub = w.pathname.split("?", 1)[1] if "?" in w.pathname else ""
        sdk_q = sorted(w.query.items()) + [tuple(x.split("=", 1)) if "=" in x else (x, "") for x in sub.split("&") if x]
        for d in compare_pairs(sdk_q, ex.query):
            diffs.append(("query", d))
        doc_body = ex.body
        if doc_body is None and w.body is not None:
            diffs.append(("body", f"SDK sends a {w.body_kind} body the doc example does not: {short(w.body)}"))
        elif doc_body is not None and w.body is None:
            diffs.append(("body", f"doc example has a body the SDK does not send: {short(ex.body_text)}"))
        elif doc_body is not None:
            if ex.body_kind == "json" and w.body_kind == "json":
                if not json_equal(w.body, doc_body, False):
                    kind = "body-types" if json_equal(w.body, doc_body, True) else "body"
                    diffs.append((kind, f"SDK {short(w.body)}, doc {short(doc_body)}"))
            elif ex.body_kind == "text":
                diffs.append(("doc-body-unreadable", f"doc body is not one JSON value: {short(ex.body_text)}"))
            elif w.body_kind != ex.body_kind:
                diffs.append(("body-encoding", f"SDK {w.body_kind} {short(w.body)}, doc {ex.body_kind} {short(doc_body)}"))
        r["diffs"] = diffs
        # what the IR decides for the example's parameters: location beside the SDK's
        places = {osdk.norm_name(p.name): p for p in shape.params}
        places.update({osdk.norm_name(p.attr): p for p in shape.params if p.location == "path"})
        loc = []
        for k in r["doc_values"]:
            if k == "<body>":
                continue
            p = places.get(osdk.norm_name(k))
            f = ir_fields.get(k.lower())
            if p is None or f is None:
                continue
            sdk_loc = p.location
            if sdk_loc != f.get("location"):
                loc.append(f"{k}: SDK {sdk_loc}{'/' + p.detail if p.detail else ''}, IR {f.get('location')} (line {f.get('line')})")
        r["ir_location_diffs"] = loc
        # the IR's reading of the example beside this reader's
        if ir_ex is not None:
            rd = []
            if ir_ex.get("method", "").upper() != ex.method:
                rd.append(f"method: IR {ir_ex.get('method')}, raw {ex.method}")
            if urllib.parse.unquote(ir_ex.get("path", "")).rstrip("/") != ex.path.rstrip("/"):
                rd.append(f"path: IR {ir_ex.get('path')}, raw {ex.path}")
            for d in compare_pairs([(q["name"], q["value"]) for q in ir_ex.get("query", [])], ex.query, "IR"):
                rd.append("query: " + d)
            irb = ir_ex.get("body")
            try:
                irb_v = json.loads(irb) if irb else None
            except ValueError:
                irb_v = irb
            if (irb_v is None) != (ex.body is None) or (irb_v is not None and ex.body_kind == "json" and not json_equal(irb_v, ex.body, True)):
                rd.append(f"body: IR {short(irb_v)}, raw {short(ex.body)}")
            r["ir_reading_diffs"] = rd
    else:
        ex = oc.read_rpc_example(doc, line)
        r["doc_values"] = ex.query
        values = unflatten(ex.query)
        try:
            pv, req, hdr = build_call(sdk, op, shape, values, None, notes)
            w = sdk.call(op, pv, req, hdr)
        except Exception as e:
            r["status"] = f"SDK failed: {type(e).__name__}: {e}"[:200]
            return
        r["status"] = "built"
        r["notes"] = notes
        pairs = [(k, v) for k, v in w.params() if k.lower() not in oc.COMMON_RPC]  # v1-signature releases add them
        r["sdk_wire"] = dict(method=w.method, query=sorted(w.query.items()), body_kind=w.body_kind,
                             body=w.body if w.body_kind != "form" else sorted(w.body))
        r["diffs"] = [("params", d) for d in compare_pairs(pairs, ex.query)]
        in_body = [k for k, _ in (w.body if w.body_kind == "form" else [])]
        r["sdk_body_params"] = sorted({k.split(".")[0] for k in in_body})
        # list style: flattened (`X.1.Y=`) or one text value (JSON or not), SDK beside IR
        fields = sdk_fields(sdk, op.request_cls)
        st = []
        for top in sorted({k.split(".")[0] for k, _ in ex.query}):
            hit = fields.get(top.lower())
            if hit is None:
                continue
            s_style = "flat" if style_of(pairs, hit[2]) == "flat" else "text"
            f = ir_fields.get(top.lower())
            if f is None:
                continue
            i_style = "flat" if ir_style(f) == "flat" else "text"
            d_style = "flat" if style_of(ex.query, top) == "flat" else "text"
            if s_style != i_style:
                st.append(f"{top}: SDK {s_style}, IR {i_style} (wire {f.get('wire')}, type {f.get('type')}),"
                          f" doc {d_style} (line {f.get('line')})")
            if f.get("wire") == "json" and f.get("type") == "String" and hit[1][0] == "str":
                st.append(f"{top}: IR JSON-encodes a String field (SDK: a string sent as written) (line {f.get('line')})")
        r["style_diffs"] = st
        if ir_ex is not None:
            r["ir_reading_diffs"] = ["params: " + d for d in
                                     compare_pairs([(q["name"], q["value"]) for q in ir_ex.get("params", [])
                                                   if q["name"].lower() not in oc.COMMON_RPC], ex.query, "IR")]


def short(v, n: int = 160) -> str:
    s = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
    return s if len(s) <= n else s[: n - 1] + "…"


def report(results: list[dict], packages: dict, skipped: list, max_list: int) -> None:
    print("Official SDK packages:")
    for m, v in sorted(packages.items()):
        print(f"  {m.replace('_', '-')} {v}")
    print()
    print("Skipped:")
    for what, n, why in skipped:
        print(f"  {what} ({n} docs): {why}")
    print()
    hdr = (f"{'folder':32} {'examples':>8} {'built':>6} {'agree':>6} {'%':>6} {'m':>4} {'path':>4} {'query':>5} {'body':>4}"
           f" {'IR-loc':>6} {'IR-style':>8} {'IR-read':>7} {'IR-miss':>7}")
    print("Per folder: examples found in the doc; built by the SDK; agree = SDK sends what the example shows")
    print("(method, path, query, body; RPC: the parameters, query and form body together); then examples with")
    print("a method / path / query / body difference; IR-loc: examples where the IR places a parameter")
    print("elsewhere than the SDK; IR-style: a list sent flat by one and JSON by the other; IR-read: the IR's")
    print("reading of the example differs from this script's; IR-miss: the IR has no reading of the example.")
    print(hdr)
    print("-" * len(hdr))
    tot = Counter()
    folders = []
    for r in results:
        if r["folder"] not in folders:
            folders.append(r["folder"])
    for folder in folders:
        rs = [r for r in results if r["folder"] == folder]
        c = tally(rs)
        tot.update(c)
        row(folder, c)
    print("-" * len(hdr))
    row("overall", tot)
    print()
    status = Counter(r.get("status") for r in results if r.get("status") != "built")
    if status:
        print("Examples not built:")
        for s, n in status.most_common():
            print(f"  {n:4}  {s}")
        print()
    classes = defaultdict(list)
    for r in results:
        if r.get("status") != "built":
            continue
        for kind, text in r.get("diffs", []):
            classes[kind].append(f"{r['doc']}:{r['line']} {r['api']}: {text}")
        for t in r.get("ir_location_diffs", []):
            classes["IR location ≠ SDK location"].append(f"{r['doc']}:{r['line']} {r['api']}: {t}")
        for t in r.get("style_diffs", []):
            classes["list style: SDK ≠ IR"].append(f"{r['doc']}:{r['line']} {r['api']}: {t}")
        for t in r.get("ir_reading_diffs", []):
            classes["IR reading ≠ raw example"].append(f"{r['doc']}:{r['line']} {r['api']}: {t}")
        if r["style"] == "RPC" and r.get("sdk_body_params"):
            classes["RPC: SDK sends in the form body (IR: query)"].append(
                f"{r['doc']}:{r['line']} {r['api']}: {', '.join(r['sdk_body_params'])}")
        for t in r.get("notes", []):
            classes["SDK build notes (doc value vs SDK type)"].append(f"{r['doc']}:{r['line']} {r['api']}: {t}")
    for kind, items in classes.items():
        print(f"{kind} ({len(items)}):")
        for t in items[:max_list]:
            print(f"  {t}")
        if len(items) > max_list:
            print(f"  … {len(items) - max_list} more (--max-list, --json)")
        print()


def tally(rs: list[dict]) -> Counter:
    c = Counter()
    for r in rs:
        c["examples"] += 1
        if r.get("status") != "built":
            continue
        c["built"] += 1
        kinds = {k for k, _ in r.get("diffs", [])}
        if not kinds or kinds <= {"body-types"}:
            c["agree"] += 1
        c["unreadable"] += "doc-body-unreadable" in kinds
        c["m"] += "method" in kinds
        c["path"] += "path" in kinds
        c["query"] += bool(kinds & {"query", "params"})
        c["body"] += bool(kinds & {"body", "body-encoding", "body-types"})
        c["irloc"] += bool(r.get("ir_location_diffs"))
        c["irstyle"] += bool(r.get("style_diffs"))
        c["irread"] += bool(r.get("ir_reading_diffs"))
        c["irmiss"] += not r.get("ir_read")
    return c


def row(name: str, c: Counter) -> None:
    pct = f"{100 * c['agree'] / c['built']:.1f}" if c["built"] else "-"
    print(f"{name:32} {c['examples']:8} {c['built']:6} {c['agree']:6} {pct:>6} {c['m']:4} {c['path']:4} {c['query']:5}"
          f" {c['body']:4} {c['irloc']:6} {c['irstyle']:8} {c['irread']:7} {c['irmiss']:7}")


if __name__ == "__main__":
    sys.exit(main())
