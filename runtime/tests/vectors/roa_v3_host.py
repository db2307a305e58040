#!/usr/bin/env python3
"""Second implementation of the ACS3-HMAC-SHA256 signature of one ROA request whose host name
starts with a parameter (`Host: ProjectName.Endpoint`).

Run once to derive the vector committed in runtime/src/http.rs (test
`roa_host_label_vector`); it shares no code with the crate (it signs with roa_v3.py's `sign`).
The point is that the host signed is `my-project.cn-hangzhou.log.aliyuncs.com`, the project
name before the endpoint, and no `content-type` is signed because there is no body.
"""
import hashlib

from roa_v3 import sign

payload = hashlib.sha256(b"").hexdigest()
headers = sorted({
    "host": "my-project.cn-hangzhou.log.aliyuncs.com",
    "x-acs-action": "ListLogStores",
    "x-acs-version": "2020-12-30",
    "x-acs-date": "2023-10-26T10:22:32Z",
    "x-acs-signature-nonce": "nonce-roa-2",
    "x-acs-content-sha256": payload,
}.items())
query = sorted([("offset", "0"), ("size", "10")])
canonical, sig = sign("roa-test-secret", "GET", "/logstores", query, headers, payload)
print("canonical", repr(canonical))
print("signed", ";".join(k for k, _ in headers))
print("signature", sig)
