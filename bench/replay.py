"""The calls of an apply, from its -v trace, for bench/floor/Floor.java to replay (issue 20).

The trace (stderr of `aepform apply -v`) has one entry per request (`> METHOD URL (attempt a/m)`,
then its headers and body, indented) and per answer (`< STATUS METHOD URL ...`, same). Run the
apply with --parallelism 1: then each create's answer follows its request, so the ids each create
returned are known, and with them which later calls used them (its dependencies).

Writes OUT, one block per call, blocks separated by a blank line:
  METHOD PATH?QUERY
  needs: I J ...            (the calls, numbered from 0 in this file, whose answers it uses)
  NAME: VALUE               (headers)
  body: TEXT                (when it has one)
Placeholders Floor.java fills in: @@ref:I:KEY@@ (KEY of call I's answer: id, $id, meta:altId, or
dataSets for Catalog's ["@/dataSets/ID"]), @@env:NAME@@ (environment), @@bearer@@ ("Bearer "
and the token).
Call 0 is the token request. Reads (the plan's GETs) are left out unless reads is true: the floor
is the creates a minimal client must make.
"""
import json
import re
import sys

import gen

MASK = "(sensitive)"
# secrets the trace masks, by their field in auth.params: the bench environment's values
AUTH_PARAMS = {
    "s3AccessKey": gen.VARIABLES["s3_access_key"],
    "s3SecretKey": gen.VARIABLES["s3_secret_key"],
}
HEADER = re.compile(r"^[A-Za-z0-9-]+: ")
ID_KEYS = ("id", "$id", "meta:altId")


def entries(path):
    """(first line, [indented lines]) per trace entry; other stderr lines are skipped."""
    current = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith(("> ", "< ")):
                if current:
                    yield current
                current = (line, [])
            elif line.startswith("  ") and current:
                current[1].append(line[2:])
            elif current:
                yield current
                current = None
    if current:
        yield current


def split(lines):
    headers, body = [], ""
    for line in lines:
        if HEADER.match(line) and not body:
            headers.append(tuple(line.split(": ", 1)))
        else:
            body = line
    if re.search(r"\.\.\. \(\d+ more chars\)$", body):
        sys.exit("replay: a body is truncated in the trace (over 8000 chars)")
    return headers, body


def paired(path):
    """(method, url, headers, body, status, answer body) per answered request, in request order."""
    waiting, calls = {}, []
    for first, lines in entries(path):
        words = first.split()
        if first.startswith("> "):
            key = (words[1], words[2])
            if key in waiting:
                sys.exit(f"replay: two {key[0]} {key[1]} in flight; record with --parallelism 1")
            headers, body = split(lines)
            waiting[key] = len(calls)
            calls.append([key[0], key[1], headers, body, None, ""])
        elif words[1] != "failed":
            i = waiting.pop((words[2], words[3]))
            calls[i][4], calls[i][5] = int(words[1]), split(lines)[1]
        else:
            waiting.pop((words[2], words[3]))
    return [c for c in calls if c[4] is not None and 200 <= c[4] < 300]


def produced(answer):
    """KEY -> id for the ids a create's answer carries."""
    try:
        doc = json.loads(answer)
    except ValueError:
        return {}
    if isinstance(doc, dict):
        return {k: doc[k] for k in ID_KEYS if isinstance(doc.get(k), str)}
    if isinstance(doc, list) and doc and str(doc[0]).startswith("@/dataSets/"):
        return {"dataSets": doc[0][len("@/dataSets/"):]}
    return {}


def substitute(node, ids, needs, key=None):
    """node with known ids as placeholders (their producers added to needs), masks filled in."""
    if isinstance(node, dict):
        return {k: substitute(v, ids, needs, k) for k, v in node.items()}
    if isinstance(node, list):
        return [substitute(v, ids, needs) for v in node]
    if isinstance(node, str) and node in ids:
        producer, what = ids[node]
        needs.add(producer)
        return f"@@ref:{producer}:{what}@@"
    if node == MASK and key in AUTH_PARAMS:
        return AUTH_PARAMS[key]
    return node


def token_call(method, url, headers, body):
    body = body.replace("client_secret=" + MASK, "client_secret=@@env:AEP_CLIENT_SECRET@@")
    return method, path_of(url), headers, body, set()


def path_of(url):
    return "/" + url.split("/", 3)[3]


def convert(trace, out, reads=False):
    calls = paired(trace)
    if not calls or not calls[0][1].endswith("/ims/token/v3"):
        sys.exit("replay: the trace does not start with a token request")
    blocks = [token_call(*calls[0][:4])]
    ids = {}
    for method, url, headers, body, _, answer in calls[1:]:
        if method == "GET" and not reads:
            continue
        needs = set()
        path = path_of(url)
        for old, (producer, what) in ids.items():
            if old in path:
                path = path.replace(old, f"@@ref:{producer}:{what}@@")
                needs.add(producer)
        if body:
            body = json.dumps(substitute(json.loads(body), ids, needs),
                              separators=(",", ":"), ensure_ascii=False)
        if MASK in body:
            sys.exit(f"replay: a masked value this script cannot fill in: {method} {path}")
        blocks.append((method, path, headers, body, needs))
        if method == "POST":
            for what, value in produced(answer).items():
                ids[value] = (len(blocks) - 1, what)
    with open(out, "w", encoding="utf-8") as f:
        for method, path, headers, body, needs in blocks:
            f.write(f"{method} {path}\nneeds:{''.join(f' {n}' for n in sorted(needs))}\n")
            for name, value in headers:
                if name.lower() == "authorization":
                    value = "@@bearer@@"
                elif name.lower() == "x-api-key":
                    value = "@@env:AEP_CLIENT_ID@@"
                f.write(f"{name}: {value}\n")
            f.write(f"body: {body}\n\n" if body else "\n")
    creates = sum(1 for b in blocks[1:] if b[0] != "GET")
    print(f"replay: {len(blocks)} calls (1 token, {creates} creates, "
          f"{len(blocks) - 1 - creates} reads) to {out}", file=sys.stderr)
