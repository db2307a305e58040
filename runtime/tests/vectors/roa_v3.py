#!/usr/bin/env python3
"""Second implementation of the ACS3-HMAC-SHA256 signature of one ROA request.

Run once to derive the vector committed in runtime/src/roa.rs (test `roa_v3_vector`); it
shares no code with the crate. Rules: alibaba-protocol notes section 3 (canonical request =
method, encoded path, sorted RFC 3986 query, lower-case signed headers, signed names,
hex SHA-256 of the body; key = the bare secret). roa_v3_host.py signs with `sign` below.
"""
import hashlib, hmac, json, urllib.parse

def enc(s):
    return urllib.parse.quote(s, safe="-_.~")

def sign(secret, method, path, query, headers, payload):
    """The canonical request and the hex signature; `query` and `headers` as sorted pairs."""
    canonical = "\n".join([
        method,
        path,
        "&".join(f"{enc(k)}={enc(v)}" for k, v in query),
        "".join(f"{k}:{v}\n" for k, v in headers),
        ";".join(k for k, _ in headers),
        payload,
    ])
    to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
    return canonical, hmac.new(secret.encode(), to_sign.encode(), hashlib.sha256).hexdigest()

if __name__ == "__main__":
    path = "/openapi/instances/" + enc("es cn/中*1") + "/snapshot-repos"
    query = sorted([("clientToken", "tok-1"), ("size", "10"), ("q", "a b*")])
    body = json.dumps({"name": "数据流 1", "count": 2}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    payload = hashlib.sha256(body).hexdigest()
    headers = sorted({
        "host": "elasticsearch.cn-hangzhou.aliyuncs.com",
        "content-type": "application/json",
        "x-acs-action": "AddSnapshotRepo",
        "x-acs-version": "2017-06-13",
        "x-acs-date": "2023-10-26T10:22:32Z",
        "x-acs-signature-nonce": "nonce-roa-1",
        "x-acs-content-sha256": payload,
    }.items())
    canonical, sig = sign("roa-test-secret", "POST", path, query, headers, payload)
    print("path", path)
    print("body", body.decode())
    print("payload", payload)
    print("canonical", repr(canonical))
    print("signature", sig)
