#!/usr/bin/env python3
"""Build samples/corpus/crawl.warc.gz from the HTML pages in samples/warc-src/.

Standard library only. The output is deterministic (fixed record ids, gzip
mtime 0), so rerunning the script reproduces the committed file byte for byte:

    python3 samples/make_warc.py

The file is laid out as a crawler writes it: a `warcinfo` record first, then
for each page an optional `request` record and a `response` record whose block
is the raw HTTP/1.1 response (status line, headers, blank line, HTML body).
Every record is its own gzip member. Readers should skip the `warcinfo` and
`request` records and analyse the `response` records only.

The pages in warc-src/ are kept outside samples/corpus/ so that ingesting
samples/corpus does not see them twice.
"""

import base64
import gzip
import hashlib
import os
import uuid
from email.utils import format_datetime
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "warc-src")
OUT = os.path.join(HERE, "corpus", "crawl.warc.gz")

# (source file, target URI, crawl time UTC, server, with a request record?)
PAGES = [
    ("gazette-transit-levy.html",
     "http://www.pinehollowgazette.example/news/2025-03-05/transit-levy-headed-to-harrowgate-voters.html",
     "2025-03-05T21:14:07Z", "Apache/2.2.34 (Unix)", True),
    ("lpa-brackwater-attorney-general.html",
     "https://www.lakeshorepress.example/2025/03/06/ardmoor-attorney-general-brackwater-breach/",
     "2025-03-06T19:02:51Z", "nginx", False),
    ("lpa-budget-talks-resume.html",
     "https://www.lakeshorepress.example/2025/03/05/ardmoor-budget-talks-resume-governor-speaker/",
     "2025-03-06T19:03:12Z", "nginx", False),
]

NS = uuid.UUID("6f1c2d8e-3b7a-4c55-9e0f-d05513e7a001")


def record_id(*parts):
    return "<urn:uuid:%s>" % uuid.uuid5(NS, "|".join(parts))


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def http_date(iso):
    dt = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return format_datetime(dt, usegmt=True)


def record(headers, block):
    """One WARC/1.0 record: header lines, blank line, block, two CRLFs."""
    head = ["WARC/1.0"] + ["%s: %s" % kv for kv in headers]
    head.append("Content-Length: %d" % len(block))
    return ("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def member(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def main():
    warcinfo_id = record_id("warcinfo", "crawl.warc.gz")
    info = (
        "software: dossier samples/make_warc.py\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
        "isPartOf: dossier-sample-crawl\r\n"
        "description: Three invented news pages for the dossier sample corpus\r\n"
        "robots: obey\r\n"
        "http-header-user-agent: dossier-sample-crawler/0.1 (+https://dossier.example/bot)\r\n"
    ).encode("utf-8")
    out = [member(record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", "2025-03-05T21:14:05Z"),
        ("WARC-Filename", "crawl.warc.gz"),
        ("WARC-Record-ID", warcinfo_id),
        ("Content-Type", "application/warc-fields"),
    ], info))]

    for name, uri, date, server, with_request in PAGES:
        with open(os.path.join(SRC, name), "rb") as f:
            body = f.read()
        host = uri.split("/")[2]
        path = "/" + uri.split("/", 3)[3]
        resp_id = record_id("response", uri)
        if with_request:
            req = (
                "GET %s HTTP/1.1\r\n"
                "Host: %s\r\n"
                "User-Agent: dossier-sample-crawler/0.1 (+https://dossier.example/bot)\r\n"
                "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\n"
                "Accept-Language: en-US,en;q=0.5\r\n"
                "Connection: close\r\n\r\n" % (path, host)
            ).encode("ascii")
            out.append(member(record([
                ("WARC-Type", "request"),
                ("WARC-Target-URI", uri),
                ("WARC-Date", date),
                ("WARC-Concurrent-To", resp_id),
                ("WARC-Record-ID", record_id("request", uri)),
                ("WARC-Warcinfo-ID", warcinfo_id),
                ("WARC-Block-Digest", sha1_b32(req)),
                ("Content-Type", "application/http; msgtype=request"),
            ], req)))
        http_head = (
            "HTTP/1.1 200 OK\r\n"
            "Date: %s\r\n"
            "Server: %s\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            "Content-Length: %d\r\n"
            "Cache-Control: max-age=300, public\r\n"
            "Vary: Accept-Encoding\r\n"
            "Connection: close\r\n\r\n" % (http_date(date), server, len(body))
        ).encode("ascii")
        block = http_head + body
        out.append(member(record([
            ("WARC-Type", "response"),
            ("WARC-Target-URI", uri),
            ("WARC-Date", date),
            ("WARC-Record-ID", resp_id),
            ("WARC-Warcinfo-ID", warcinfo_id),
            ("WARC-IP-Address", "192.0.2.%d" % (10 + len(out))),
            ("WARC-Payload-Digest", sha1_b32(body)),
            ("WARC-Block-Digest", sha1_b32(block)),
            ("Content-Type", "application/http; msgtype=response"),
        ], block)))

    with open(OUT, "wb") as f:
        f.write(b"".join(out))
    print("wrote %s (%d records)" % (os.path.relpath(OUT, HERE), len(out)))


if __name__ == "__main__":
    main()
