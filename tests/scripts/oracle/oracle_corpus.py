"""The corpus and generator side of the oracle: which folders, which official SDK each doc maps
to, the generator's IR of each doc, and an independent reading of the docs' request examples.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SHARED = (REPO / ".." / "shared").resolve()

ROA_FOLDERS = [
    "corpus-roa/elasticsearch", "corpus-roa/iotedge", "corpus-roa/mse", "corpus-roa/rtc",
    "corpus-wide/elasticsearch-roa", "corpus-wide/sls-roa", "corpus-wide/webx-roa", "corpus-wide/oss-roa",
    "corpus-wide/rtc-roa", "corpus-wide/mse-roa", "corpus-wide/iotedge-roa",
]
RPC_FOLDERS = [
    "corpus-wide/" + p for p in (
        "vod", "mts", "ccc", "baas", "dcdn", "waf", "rtc", "uis", "smc", "dg", "dbaudit", "avds", "ddh",
        "sddp", "aegis", "ots", "acms", "txc", "backbonenet", "iotedge", "mse", "sls",
    )
]

# Docs with no OpenAPI Explorer link: the product code and version of the official SDK, and where
# that comes from. A folder missing here (and a doc without a link) is skipped with its reason.
FOLDER_DEFAULTS = {
    # product-pages/mse/zh-CN/微服务网关/API参考/调用方式.md: endpoint microgw.<region>.aliyuncs.com,
    # SDK artifact microgw20200810; the docs' error-centre links use the code `microgw`.
    "corpus-roa/mse": ("microgw", "2020-08-10"),
    "corpus-wide/mse-roa": ("microgw", "2020-08-10"),
    # No SLS/OSS doc names an API version. The Tea SDKs of these products are the only official
    # ones built from the same metadata as the others (SLS 2020-12-30, OSS 2019-05-17).
    "corpus-wide/sls-roa": ("sls", "2020-12-30"),
    "corpus-wide/oss-roa": ("oss", "2019-05-17"),
}
SKIPPED_FOLDERS = {
    "corpus-roa/iotedge": "Link IoT Edge local device API (https://127.0.0.1:9999/2020-04-30/…): no official cloud SDK",
    "corpus-wide/iotedge-roa": "Link IoT Edge local device API (https://127.0.0.1:9999/2020-04-30/…): no official cloud SDK",
    "corpus-wide/ots": "Tablestore data plane (protobuf over HTTP): no Tea/OpenAPI SDK",
    "corpus-wide/acms": "ACM config-service HTTP API (/diamond-server/…): no Tea/OpenAPI SDK",
    "corpus-wide/sls": "SLS service APIs of an undocumented version and a web-tracking data-plane API: no matching Tea SDK",
}

EXPLORER = re.compile(r"product=([A-Za-z0-9_-]+)&(?:[^)\s\"]*?&)?version=(\d{4}-\d\d-\d\d)")


def docs_of(folder: str) -> list[Path]:
    base = SHARED / folder
    return sorted(p for p in base.rglob("*.md") if p.is_file())


def doc_product(path: Path, folder: str) -> tuple[str, str, str] | None:
    """(product, version, how) of the doc's API, from its Explorer link, else the folder default."""
    text = path.read_text(encoding="utf-8", errors="replace")
    m = EXPLORER.search(text)
    if m:
        return m.group(1), m.group(2), "explorer link"
    if folder in FOLDER_DEFAULTS:
        p, v = FOLDER_DEFAULTS[folder]
        return p, v, "folder default"
    return None


def sdk_module(product: str, version: str) -> str:
    return "alibabacloud_" + re.sub(r"[^a-z0-9]", "_", product.lower()) + version.replace("-", "")


def sdk_installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def sdk_version(module: str) -> str:
    try:
        from importlib.metadata import version

        return version(module)
    except Exception:
        try:
            from importlib.metadata import version

            return version(module.replace("_", "-"))
        except Exception:
            return "?"


# ---------------------------------------------------------------- the generator's IR


def load_ir(binary: str, docs: list[Path]) -> dict[str, dict]:
    """IR of each doc (`aliyun-codegen ir DOC...`), keyed by the doc's path relative to shared/.

    A doc the generator cannot read is absent (its error goes to stderr of this script)."""
    out: dict[str, dict] = {}
    for i in range(0, len(docs), 200):
        chunk = [str(d.relative_to(SHARED)) for d in docs[i : i + 200]]
        proc = subprocess.run([binary, "ir", *chunk], cwd=SHARED, capture_output=True, text=True)
        try:
            values = json.loads(proc.stdout) if proc.stdout.strip() else []
        except ValueError as e:
            print(f"warning: IR of {chunk[0]}…: not JSON ({e})", file=sys.stderr)
            continue
        if isinstance(values, dict):
            values = [values]
        for api in values:
            for src in api.get("sources", []):
                out[src["file"]] = api
        for line in proc.stderr.splitlines():
            if "error" in line.lower() and "warning[" not in line:
                print(f"ir: {line}", file=sys.stderr)
    return out


def ir_doc_line(api: dict) -> int:
    for f in api.get("request", []):
        return f.get("line", 0)
    return 0


# ---------------------------------------------------------------- an independent example reader


@dataclass
class RawExample:
    """A request example as this reader sees the doc's raw text."""

    file: str
    line: int
    method: str = ""
    path: str = ""  # percent-decoded, no query
    query: list[tuple[str, str]] = field(default_factory=list)  # percent-decoded
    body_text: str = ""
    body: object = None  # parsed JSON, or list of pairs for a form body
    body_kind: str | None = None
    problems: list[str] = field(default_factory=list)


COMMON_RPC = {
    "action", "version", "format", "accesskeyid", "signature", "signaturemethod", "signatureversion",
    "signaturenonce", "timestamp", "securitytoken", "signaturetype",
}


def _fence_at(lines: list[str], line: int) -> list[str]:
    """The fenced block that holds (or starts right after) 1-based `line`."""
    i = max(0, line - 1)
    # walk back to the opening fence if `line` is inside a block
    j = i
    while j >= 0 and not lines[j].strip().startswith("```"):
        j -= 1
    start = j if j >= 0 else i
    if lines[i].strip().startswith("```"):
        start = i
    k = start + 1
    block = []
    while k < len(lines) and not lines[k].strip().startswith("```"):
        block.append(lines[k])
        k += 1
    return block


def _split_query(q: str) -> list[tuple[str, str]]:
    out = []
    # `&` starts a new parameter when a name and `=` follow, or a placeholder (`<公共请求参数>`,
    # `[Common parameters]`); an `&` inside a value (rare) stays in the value
    for part in re.split(r"&(?=\s*(?:[^&=\s]+\s*=|[^&=]*(?:&|$)))", q):
        part = part.strip()
        if "=" not in part and re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]*", part):
            out.append((part, ""))  # a bare key: OSS sub-resources `?uploads`, `?website`
            continue
        if not part or part.startswith("<") or part.startswith("[") or "=" not in part:
            continue  # a placeholder: `<公共请求参数>`, `公共请求参数`, `[Common parameters]`
        k, v = part.split("=", 1)
        out.append((urllib.parse.unquote(k.strip()), urllib.parse.unquote(v.strip())))
    return out


def read_rpc_example(path: Path, line: int) -> RawExample:
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    block = _fence_at(lines, line)
    ex = RawExample(str(path.relative_to(SHARED)), line)
    text = "".join(l.strip() for l in block)
    # the query starts after the first `?`; docs without one (`host&Action=`, `hostAction=`) at `Action=`
    i = text.find("?")
    if i >= 0:
        q = text[i + 1 :]
    else:
        j = text.find("Action=")
        q = text[j:] if j >= 0 else text
    q = q.lstrip("?&/ ")
    ex.query = [(k, v) for k, v in _split_query(q) if k.lower() not in COMMON_RPC]
    return ex


REQUEST_LINE = re.compile(r"^\s*(GET|POST|PUT|DELETE|PATCH|HEAD)(?:\|[A-Z]+)*\s+(\S+)", re.IGNORECASE)


def _matching(text: str, i: int) -> int:
    """Index just past the bracket that closes the one at `i` (strings not considered)."""
    depth = 0
    for j in range(i, len(text)):
        if text[j] in "{[":
            depth += 1
        elif text[j] in "}]":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(text)


def read_roa_example(path: Path, line: int) -> RawExample:
    """Method, path, query and body of a REST-style example, as the doc writes them.

    Reading choices: the request target ends at ` HTTP/1.1` / ` HTTPS|HTTP` (or the line's end);
    whitespace inside the path is dropped (translated docs split masked values: `c **** /actions`);
    around `?`, `&` and `=` it is dropped, inside a query value it is kept; the body is the text from
    the first `{` or `[` after the request line (on the same line too), else `name=value` lines."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    block = _fence_at(lines, line)
    ex = RawExample(str(path.relative_to(SHARED)), line)
    start = None
    for i, l in enumerate(block):
        m = REQUEST_LINE.match(l)
        if m:
            ex.method = m.group(1).upper()
            rest_of_line = l[m.start(2):].rstrip()
            start = i
            break
    if start is None:
        ex.problems.append("no request line")
        return ex
    mark = re.search(r"\s+HTTPS?(?:/[\d.]+|\|HTTPS?)(?=\s|$)", rest_of_line)
    if mark:
        target, tail = rest_of_line[: mark.start()], rest_of_line[mark.end():]
    else:
        target, tail = rest_of_line, ""
    target = re.sub(r"^https?://[^/\s]+", "", target.strip())
    pth, _, q = target.partition("?")
    pth = re.sub(r"\s+", "", pth)
    ex.path = urllib.parse.unquote(pth if pth.startswith("/") else "/" + pth)
    ex.query = [(k.strip(), v.strip()) for k, v in _split_query(q.strip())]
    remaining = tail + "\n" + "\n".join(block[start + 1 :])
    # SLS docs write the request headers as a brace block (`{ Host: …, x-log-apiversion: … }`):
    # a brace block of header lines is headers, and the body is what follows it
    jm = re.search(r"[{\[]", remaining)
    while jm:
        end = _matching(remaining, jm.start())
        seg = remaining[jm.start() : end]
        if re.search(r'(?im)^\s*"?(authorization|x-log-[a-z-]+|content-(length|md5)|user-agent)"?\s*:', seg):
            remaining = remaining[end:]
            jm = re.search(r"[{\[]", remaining)
            continue
        break
    if jm:
        text = remaining[jm.start():].strip()
        ex.body_text = text
        try:
            ex.body = json.loads(text)
            ex.body_kind = "json"
        except ValueError as e:
            ex.body_kind = "text"
            ex.body = text
            ex.problems.append(f"body is not JSON ({e})")
        return ex
    form = [l.strip() for l in remaining.split("\n") if re.match(r"^\s*[A-Za-z0-9_.-]+=", l)]
    if form:
        ex.body_kind = "form"
        ex.body = [tuple(x.split("=", 1)) for x in form]
        ex.body_text = "\n".join(form)
    return ex
