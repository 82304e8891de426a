#!/usr/bin/env python3
"""Trunk post-build hook: adds a Content-Security-Policy to the built index.html.

Trunk loads the wasm with one inline module script; instead of allowing inline scripts, the policy
allows exactly that script by its SHA-256 hash. Nothing else may run: no other inline script, no
eval, no remote origin. Document text is rendered as text nodes, so the policy is a second wall.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script type=\"module\">(.*?)</script>", html, flags=re.S)
if len(scripts) != 1:
    sys.exit(f"csp.py: expected one inline module script in {path}, found {len(scripts)}")
digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
policy = (
    "default-src 'none'; "
    f"script-src 'self' 'wasm-unsafe-eval' 'sha256-{digest}'; "
    "connect-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'"
)
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
html = re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>\s*", "", html)
charset = '<meta charset="utf-8" />'
if charset in html:
    html = html.replace(charset, charset + "\n    " + meta, 1)
else:
    html = html.replace("<head>", "<head>\n    " + meta, 1)
open(path, "w", encoding="utf-8").write(html)
