#!/usr/bin/env python3
"""Second implementation of the ACS3-HMAC-SHA256 signature of one ROA request whose host name
starts with a parameter (`Host: ProjectName.Endpoint`).

Run once to derive the vector committed in runtime/src/http.rs (test
`roa_host_label_vector`); it shares no code with the crate. Same rules as roa_v3.py; the
point is that the host signed is `my-project.cn-hangzhou.log.aliyuncs.com`, the project name
before the endpoint, and no `content-type` is signed because there is no body.
"""
import hashlib, hmac, urllib.parse

def enc(s):
    return urllib.parse.quote(s, safe="-_.~")

secret = "roa-test-secret"
path = "/logstores"
query = sorted([("offset", "0"), ("size", "10")])
payload = hashlib.sha256(b"").hexdigest()
headers = sorted({
    "host": "my-project.cn-hangzhou.log.aliyuncs.com",
    "x-acs-action": "ListLogStores",
    "x-acs-version": "2020-12-30",
    "x-acs-date": "2023-10-26T10:22:32Z",
    "x-acs-signature-nonce": "nonce-roa-2",
    "x-acs-content-sha256": payload,
}.items())
canonical = "\n".join([
    "GET",
    path,
    "&".join(f"{enc(k)}={enc(v)}" for k, v in query),
    "".join(f"{k}:{v}\n" for k, v in headers),
    ";".join(k for k, _ in headers),
    payload,
])
to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
sig = hmac.new(secret.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
print("canonical", repr(canonical))
print("signed", ";".join(k for k, _ in headers))
print("signature", sig)
