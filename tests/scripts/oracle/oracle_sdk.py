"""The official-SDK side of the oracle: load an Alibaba Cloud Python SDK, build a call of one API
with given values and capture the request it would send, without any network.

How the capture works: every official Python SDK (Tea or darabonba generation) builds one request
object and hands it to `DaraCore.do_action` (`TeaCore.do_action` in older releases) to send it.
Both are replaced by a function that raises `Captured` with that object, so nothing is sent and
the request is exactly what would go out (query flattened, body serialised, path filled). Clients
that go through a gateway plug-in (`execute`: SLS, OSS) are captured one step earlier, at
`execute(params, request)`, because the plug-in compresses, signs and moves values into the host
name; there the request is composed here from `params` and `request` (documented in the README).

Nothing here is read by the generator or by any test; it is an outside check run by hand.
"""

from __future__ import annotations

import importlib
import inspect
import io
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any


class Captured(BaseException):
    """Raised instead of sending. BaseException, so the SDKs' retry loops (`except Exception`) let it through."""

    def __init__(self, wire: "Wire"):
        super().__init__("captured")
        self.wire = wire


# Headers that change on every call or only carry the signature: never a parameter's location.
VOLATILE_HEADERS = {
    "host", "x-acs-version", "x-acs-action", "user-agent", "x-acs-date", "x-acs-signature-nonce",
    "accept", "x-acs-content-sha256", "authorization", "content-type", "content-length", "date",
    "x-acs-signature-method", "x-acs-signature-version", "x-acs-accesskey-id", "content-md5",
    "x-acs-security-token", "x-acs-credentials-provider", "x-acs-retry-attempts", "x-sdk-client",
    "x-acs-signature-type", "x-log-apiversion", "x-log-signaturemethod", "x-log-bodyrawsize",
    "x-oss-date", "x-oss-content-sha256",
}


@dataclass
class Wire:
    """What the SDK would send. `query` keeps the SDK's own flattening (`Tag.1.Key`)."""

    method: str
    pathname: str
    query: dict[str, str]
    headers: dict[str, str]
    body_kind: str | None  # json | form | xml | bytes | None
    body: Any  # parsed JSON value, list of (name, value) for form, text for xml/bytes
    host: dict[str, str] = field(default_factory=dict)  # host_map (SLS project, OSS bucket)
    action: str = ""
    version: str = ""

    def params(self) -> list[tuple[str, str]]:
        """Query plus form body, the RPC view: (name, value) pairs."""
        out = list(self.query.items())
        if self.body_kind == "form":
            out += list(self.body)
        return out


def _body_from_text(text: Any, content_type: str) -> tuple[str | None, Any]:
    if text is None or text == "" or text == b"":
        return None, None
    if isinstance(text, (bytes, bytearray)):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            return "bytes", bytes(text)
    if hasattr(text, "read"):
        return "bytes", text.read()
    ct = (content_type or "").lower()
    if "json" in ct:
        try:
            return "json", json.loads(text)
        except ValueError:
            return "bytes", text
    if "form" in ct:
        return "form", urllib.parse.parse_qsl(text, keep_blank_values=True)
    if "xml" in ct:
        return "xml", text
    try:
        return "json", json.loads(text)
    except (ValueError, TypeError):
        pass
    if isinstance(text, str) and "=" in text:
        return "form", urllib.parse.parse_qsl(text, keep_blank_values=True)
    return "bytes", text


def _wire_from_request(req: Any) -> Wire:
    headers = {str(k): str(v) for k, v in (req.headers or {}).items()}
    ct = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    kind, body = _body_from_text(req.body, ct)
    return Wire(
        method=str(req.method).upper(),
        pathname=req.pathname or "/",
        query={str(k): _text(v) for k, v in (req.query or {}).items() if v is not None},
        headers={k: v for k, v in headers.items() if k.lower() not in VOLATILE_HEADERS},
        body_kind=kind,
        body=body,
        action=next((v for k, v in headers.items() if k.lower() == "x-acs-action"), ""),
        version=next((v for k, v in headers.items() if k.lower() == "x-acs-version"), ""),
    )


def _text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _fake_do_action(request, runtime=None, *args, **kwargs):
    raise Captured(_wire_from_request(request))


def _fake_execute(self, params, request, runtime=None, *args, **kwargs):
    """Gateway (SPI) clients: compose from params and the OpenApiRequest before the plug-in runs."""
    kind = None
    body = request.body
    if request.stream is not None:
        kind, body = "bytes", getattr(request.stream, "getvalue", lambda: "<stream>")()
    elif body is not None:
        rbt = (params.req_body_type or "").lower()
        if rbt == "json":
            kind, body = "json", json.loads(json.dumps(body, default=str))
        elif rbt in ("formdata", "form"):
            kind = "form"
            body = urllib.parse.parse_qsl(_to_form(body), keep_blank_values=True)
        elif rbt == "xml":
            kind, body = "xml", json.loads(json.dumps(body, default=str))
        else:
            kind = "bytes"
    headers = {str(k): str(v) for k, v in (request.headers or {}).items()}
    raise Captured(
        Wire(
            method=str(params.method).upper(),
            pathname=params.pathname or "/",
            query={str(k): _text(v) for k, v in (request.query or {}).items() if v is not None},
            headers={k: v for k, v in headers.items() if k.lower() not in VOLATILE_HEADERS},
            body_kind=kind,
            body=body,
            host={str(k): str(v) for k, v in (request.host_map or {}).items()},
            action=params.action or "",
            version=params.version or "",
        )
    )


def _to_form(body: dict) -> str:
    from alibabacloud_tea_openapi.utils import Utils  # the SDK's own form encoder

    return Utils.to_form(body)


_installed = False


def install_capture() -> None:
    global _installed
    if _installed:
        return
    import darabonba.core as dara_core

    dara_core.DaraCore.do_action = staticmethod(_fake_do_action)
    try:
        import Tea.core as tea_core

        tea_core.TeaCore.do_action = staticmethod(_fake_do_action)
    except ImportError:
        pass
    import alibabacloud_tea_openapi.client as openapi_client

    openapi_client.Client.execute = _fake_execute
    _installed = True


# ---------------------------------------------------------------- types of model fields


def _annotation_text(ann: Any) -> str:
    if ann is inspect.Parameter.empty:
        return "Any"
    if isinstance(ann, str):
        return ann
    if isinstance(ann, type):
        return ann.__name__
    return str(ann).replace("typing.", "")


def parse_type(text: str, models: Any) -> tuple:
    """A model field's annotation as a small tree: ('str',), ('list', T), ('dict', T), ('model', cls)."""
    text = text.strip().replace("typing.", "")
    m = re.fullmatch(r"Optional\[(.*)\]", text)
    if m:
        return parse_type(m.group(1), models)
    m = re.fullmatch(r"(?:List|list)\[(.*)\]", text)
    if m:
        return ("list", parse_type(m.group(1), models))
    m = re.fullmatch(r"(?:Dict|dict)\[\s*str\s*,\s*(.*)\]", text)
    if m:
        return ("dict", parse_type(m.group(1), models))
    if text in ("str", "int", "float", "bool", "bytes"):
        return (text,)
    if text in ("BinaryIO", "READABLE", "IO", "BytesIO"):
        return ("stream",)
    if text in ("Any", "object", "dict", "Dict", "list", "List"):
        return ("any",)
    name = text.split(".")[-1].strip("'\"<>")
    cls = getattr(models, name, None)
    if inspect.isclass(cls) and hasattr(cls, "to_map"):
        return ("model", cls)
    return ("any",)


def model_fields(cls: Any, models: Any) -> list[tuple[str, tuple]]:
    """(python attribute, type) of a model class, in declaration order."""
    key = (cls, id(models))
    if key in _FIELDS:
        return _FIELDS[key]
    sig = inspect.signature(cls.__init__)
    comments = {}
    try:  # Python-2-style releases keep the type in a comment: `self.x = x  # type: List[str]`
        for m in re.finditer(r"self\.(\w+)\s*=\s*\w+\s*#\s*type:\s*(.+)", inspect.getsource(cls.__init__)):
            comments[m.group(1)] = m.group(2).strip()
    except (OSError, TypeError):
        pass
    out = []
    for name, p in sig.parameters.items():
        if name == "self" or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        text = _annotation_text(p.annotation)
        if p.annotation is inspect.Parameter.empty and name in comments:
            text = comments[name]
        out.append((name, parse_type(text, models)))
    _FIELDS[key] = out
    return out


_FIELDS: dict = {}


def wire_name(cls: Any, attr: str, tspec: tuple, models: Any) -> str | None:
    """The key `to_map()` writes for one attribute: the SDK's wire name of that field.

    Compared with an empty model's map: some releases always write empty lists (`'Tag': []`)."""
    key = (cls, attr)
    if key in _WIRE:
        return _WIRE[key]
    obj = cls()
    setattr(obj, attr, sentinel(tspec, 1, models, depth=1))
    try:
        base = cls().to_map()
        keys = [k for k, v in obj.to_map().items() if base.get(k, object()) != v]
    except Exception:  # a model whose to_map needs more than one field set
        keys = []
    _WIRE[key] = keys[0] if len(keys) == 1 else None
    return _WIRE[key]


_WIRE: dict = {}


def sentinel(tspec: tuple, n: int, models: Any, depth: int = 0) -> Any:
    """A value of the field's type that can be found again on the wire."""
    kind = tspec[0]
    if kind in ("str", "any"):
        return f"zq{n}x"
    if kind == "int":
        return 700000 + n
    if kind == "float":
        return 700000.5 + n
    if kind == "bool":
        return True
    if kind == "bytes":
        return f"zq{n}x".encode()
    if kind == "stream":
        return io.BytesIO(f"zq{n}x".encode())
    if kind == "list":
        return [sentinel(tspec[1], n, models, depth + 1)]
    if kind == "dict":
        return {f"zqk{n}": sentinel(tspec[1], n, models, depth + 1)}
    if kind == "model":
        obj = tspec[1]()
        if depth < 4:
            for i, (attr, sub) in enumerate(model_fields(tspec[1], models)):
                setattr(obj, attr, sentinel(sub, n * 100 + i, models, depth + 1))
        return obj
    return f"zq{n}x"


def _norm(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


def coerce(value: Any, tspec: tuple, models: Any, notes: list[str], where: str = "") -> Any:
    """Turn a doc example value into what the SDK field holds; every conversion is noted."""
    kind = tspec[0]
    if kind in ("str", "any"):
        if isinstance(value, (dict, list)):
            if kind == "str":
                notes.append(f"{where}: JSON value given to a string field, JSON-encoded")
                return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if kind == "any" else str(value)
    if kind == "int":
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, (int, float)):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            try:
                return float(str(value).strip())
            except ValueError:
                notes.append(f"{where}: `{value}` is not a number, sent as written")
                return value
    if kind == "float":
        try:
            return float(value)
        except (TypeError, ValueError):
            notes.append(f"{where}: `{value}` is not a number, sent as written")
            return value
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in ("true", "false"):
            return str(value).strip().lower() == "true"
        notes.append(f"{where}: `{value}` is not a boolean, sent as written")
        return value
    if kind in ("bytes",):
        return str(value).encode()
    if kind == "stream":
        return io.BytesIO(str(value).encode())
    if kind in ("list", "dict", "model"):
        if isinstance(value, str):
            try:
                parsed = json.loads(value)
            except ValueError:
                parsed = None
            if isinstance(parsed, (list, dict)):
                value = parsed
            elif kind == "list":
                notes.append(f"{where}: a list field given one text value, sent as a one-item list")
                value = [value]
        if kind == "list":
            if isinstance(value, dict):
                # {1: x, 2: y} from a flattened `X.1=`, or a single object
                if value and all(isinstance(k, int) for k in value):
                    value = [value[k] for k in sorted(value)]
                else:
                    value = [value]
            if not isinstance(value, list):
                value = [value]
            return [coerce(v, tspec[1], models, notes, f"{where}[{i}]") for i, v in enumerate(value)]
        if kind == "dict":
            if not isinstance(value, dict):
                notes.append(f"{where}: a map field given `{value}`")
                return value
            return {str(k): coerce(v, tspec[1], models, notes, f"{where}.{k}") for k, v in value.items()}
        # model
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
            value = value[0]
        if not isinstance(value, dict):
            notes.append(f"{where}: an object field given `{value}`; left unset")
            return None
        return build_model(tspec[1], value, models, notes, where)
    return value


def build_model(cls: Any, values: dict, models: Any, notes: list[str], where: str = "") -> Any:
    """A model filled from wire-named values, names matched case-insensitively."""
    obj = cls()
    by_norm = {}
    for attr, tspec in model_fields(cls, models):
        wn = wire_name(cls, attr, tspec, models) or attr
        by_norm[wn.lower()] = (attr, tspec, wn)
    for key, val in values.items():
        hit = by_norm.get(str(key).lower())
        if hit is None:
            notes.append(f"{where}.{key}: no such member in the SDK model, dropped")
            continue
        attr, tspec, wn = hit
        setattr(obj, attr, coerce(val, tspec, models, notes, f"{where}.{wn}" if where else wn))
    return obj


# ---------------------------------------------------------------- one SDK


@dataclass
class Operation:
    action: str
    method_name: str
    signature: inspect.Signature
    path_args: list[str]  # python names of the leading str arguments
    request_cls: Any  # model class or None
    headers_cls: Any  # OSS-style headers model or None
    takes_headers_dict: bool
    version: str = ""
    roles: list = field(default_factory=list)  # (argument, path|request|headers_model|headers_dict|runtime|runtime_tea)


class Sdk:
    def __init__(self, module: str):
        install_capture()
        self.module = module
        self.client_mod = importlib.import_module(module + ".client")
        self.models = importlib.import_module(module + ".models")
        try:
            from alibabacloud_tea_openapi.utils_models import Config
        except ImportError:  # pragma: no cover - older openapi package
            from alibabacloud_tea_openapi.models import Config
        self.client = self.client_mod.Client(
            Config(
                access_key_id="oracle-ak",
                access_key_secret="oracle-sk",
                endpoint="oracle.invalid",
                region_id="cn-hangzhou",
            )
        )
        self.ops: dict[str, Operation] = {}
        self._scan()

    def _scan(self) -> None:
        cls = type(self.client)
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            if not name.endswith("_with_options") or name.endswith("_async"):
                continue
            try:
                src = inspect.getsource(fn)
            except OSError:
                continue
            m = re.search(r"action\s*=\s*'(\w+)'", src) or re.search(
                r"do_\w*request\w*\(\s*'(\w+)'", src
            )
            if not m:
                continue
            vm = re.search(r"version\s*=\s*'([\d-]+)'", src) or re.search(
                r"do_\w*request\w*\(\s*'\w+',\s*'([\d-]+)'", src
            )
            sig = inspect.signature(fn)
            path_args, request_cls, headers_cls, takes_headers = [], None, None, False
            roles = []
            for pname, p in sig.parameters.items():
                if pname == "self":
                    continue
                ann = _annotation_text(p.annotation)
                if p.annotation is inspect.Parameter.empty:  # Python-2-style release: go by name
                    ann = {"runtime": "util_models.RuntimeOptions", "headers": "Dict[str, str]",
                           "request": m.group(1) + "Request", "tmp_req": m.group(1) + "Request",
                           "tmp_header": m.group(1) + "Headers"}.get(pname, "str")
                last = ann.split(".")[-1].strip("'\"")
                if "RuntimeOptions" in ann:
                    roles.append((pname, "runtime_tea" if "util_models" in ann else "runtime"))
                elif pname == "headers" and ("Dict" in ann or "dict" in ann):
                    takes_headers = True
                    roles.append((pname, "headers_dict"))
                elif last.endswith("Headers") and getattr(self.models, last, None) is not None:
                    headers_cls = getattr(self.models, last)
                    roles.append((pname, "headers_model"))
                elif last.endswith("Request") and getattr(self.models, last, None) is not None:
                    request_cls = getattr(self.models, last)
                    roles.append((pname, "request"))
                else:
                    path_args.append(pname)
                    roles.append((pname, "path"))
            op = Operation(m.group(1), name, sig, path_args, request_cls, headers_cls, takes_headers,
                           vm.group(1) if vm else "", roles)
            self.ops[op.action.lower()] = op

    def call(self, op: Operation, path_values: dict[str, Any], request: Any, headers_obj: Any = None) -> Wire:
        """Run the SDK method up to the point of sending; return what it would send."""
        from darabonba.runtime import RuntimeOptions

        args = []
        for pname, role in op.roles:
            if role == "path":
                args.append(path_values.get(pname))
            elif role == "runtime_tea":
                from alibabacloud_tea_util.models import RuntimeOptions as TeaRuntime

                args.append(TeaRuntime())
            elif role == "runtime":
                args.append(RuntimeOptions())
            elif role == "headers_dict":
                args.append({})
            elif role == "headers_model":
                h = headers_obj if headers_obj is not None else op.headers_cls()
                h.validate = lambda: None
                args.append(h)
            else:
                r = request if request is not None else op.request_cls()
                r.validate = lambda: None  # the doc's values are judged by the server, not here
                args.append(r)
        fn = getattr(self.client, op.method_name)
        try:
            fn(*args)
        except Captured as c:
            c.wire.action = c.wire.action or op.action
            c.wire.version = c.wire.version or op.version
            return c.wire
        raise RuntimeError(f"{op.action}: the SDK returned without sending")


# ---------------------------------------------------------------- where each parameter goes


@dataclass
class ParamPlace:
    name: str  # wire name as the SDK sends it (query key base, body key, header name, path argument)
    attr: str  # the SDK's python attribute or argument
    location: str  # path | query | body | payload | header | host | dropped
    detail: str = ""  # flat (X.1=) | json (JSON-encoded) | form | xml | …


@dataclass
class OpShape:
    action: str
    method: str
    path_template: str  # `{python_arg}` placeholders
    version: str
    params: list[ParamPlace]
    body_kind: str | None = None
    error: str = ""


def _query_diff(base: dict, new: dict) -> list[str]:
    return [k for k, v in new.items() if base.get(k) != v]


def probe(sdk: Sdk, op: Operation) -> OpShape:
    """Set each parameter alone to a findable value and see where it lands."""
    marks = {a: f"zqpath{i}x" for i, a in enumerate(op.path_args)}
    try:
        base = sdk.call(op, marks, None)
    except Exception as e:  # an SDK method that cannot run without values
        return OpShape(op.action, "", "", op.version, [], error=f"{type(e).__name__}: {e}")
    template = base.pathname
    host = dict(base.host)
    params: list[ParamPlace] = []
    for arg, mark in marks.items():
        if mark in template:
            template = template.replace(mark, "{" + arg + "}")
            params.append(ParamPlace(arg, arg, "path"))
        elif mark in host.values():
            params.append(ParamPlace(arg, arg, "host"))
        elif mark in base.query.values():
            key = next(k for k, v in base.query.items() if v == mark)
            params.append(ParamPlace(key, arg, "query"))
        else:
            params.append(ParamPlace(arg, arg, "dropped"))
    shape = OpShape(op.action, base.method, template, base.version or op.version, params, base.body_kind)

    def one(cls, attr, tspec, is_headers):
        value = sentinel(tspec, 1, sdk.models)
        obj = cls()
        setattr(obj, attr, value)
        wn = wire_name(cls, attr, tspec, sdk.models) or attr
        try:
            if is_headers:
                w = sdk.call(op, marks, None, obj)
            else:
                w = sdk.call(op, marks, obj)
        except Exception as e:
            return ParamPlace(wn, attr, "error", f"{type(e).__name__}: {e}"[:120])
        return locate(base, w, wn, attr, tspec)

    if op.request_cls is not None:
        for attr, tspec in model_fields(op.request_cls, sdk.models):
            shape.params.append(one(op.request_cls, attr, tspec, False))
    if op.headers_cls is not None:
        for attr, tspec in model_fields(op.headers_cls, sdk.models):
            if attr == "common_headers":
                continue
            shape.params.append(one(op.headers_cls, attr, tspec, True))
    return shape


def locate(base: Wire, w: Wire, wn: str, attr: str, tspec: tuple) -> ParamPlace:
    qkeys = _query_diff(base.query, w.query)
    if qkeys:
        key = qkeys[0]
        basekey = key.split(".")[0]
        detail = ""
        if "." in key:
            detail = "flat"
        elif tspec[0] in ("list", "dict", "model"):
            v = w.query[key]
            detail = "json" if v[:1] in "[{" else "text"
        return ParamPlace(basekey, attr, "query", detail)
    if w.pathname != base.pathname:
        return ParamPlace(wn, attr, "path")
    if w.host != base.host:
        key = next((k for k, v in w.host.items() if base.host.get(k) != v), wn)
        return ParamPlace(key, attr, "host")
    hkeys = [k for k, v in w.headers.items() if base.headers.get(k) != v]
    if hkeys:
        return ParamPlace(hkeys[0], attr, "header")
    if w.body != base.body or w.body_kind != base.body_kind:
        kind = w.body_kind or ""
        if kind == "form":
            bkeys = [k for k, v in w.body if (k, v) not in (base.body or [])]
            key = bkeys[0] if bkeys else wn
            detail = "form"
            if "." in key:
                detail = "form,flat"
            elif tspec[0] in ("list", "dict", "model"):
                detail = "form,json"
            return ParamPlace(key.split(".")[0], attr, "body", detail)
        if kind == "json" and isinstance(w.body, dict) and base.body in (None, {}) and wn in w.body and wn.lower() != "body":
            return ParamPlace(wn, attr, "body", "json")
        if kind == "json" and isinstance(w.body, dict) and isinstance(base.body, dict):
            new = [k for k in w.body if base.body.get(k) != w.body[k]]
            if new:
                return ParamPlace(new[0], attr, "body", "json")
        return ParamPlace(wn, attr, "payload", kind)
    return ParamPlace(wn, attr, "dropped")


def path_regex(template: str) -> re.Pattern:
    """`/a/{x}/b` → a pattern that takes x out of a filled path."""
    out, pos = "", 0
    for m in re.finditer(r"\{(\w+)\}", template):
        out += re.escape(template[pos : m.start()]) + f"(?P<{m.group(1)}>[^/]*?)"
        pos = m.end()
    out += re.escape(template[pos:])
    return re.compile("^/?" + out.lstrip("/") + "/?$", re.IGNORECASE)


def norm_name(s: str) -> str:
    return _norm(s)
