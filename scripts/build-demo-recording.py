#!/usr/bin/env python3
"""Builds the demo recording in demo/ from ../shared/corpus (redistributable data only).

  python3 scripts/build-demo-recording.py [--corpus ../shared/corpus] [--out demo]

What it writes (a "folder recording": captures on disk plus a manifest, as the collectors read it):
  * cisa-kev: weekly RSS 2.0 snapshots of the CISA Known Exploited Vulnerabilities catalogue (CC0 1.0), each holding
    the entries added in the 14 days before the capture, so consecutive snapshots overlap by a week (as a live feed
    does) and the importer's deduplication is exercised.
  * cti-ann: monthly Atom snapshots of the CTI-ANN annotated X posts (CC BY 4.0, bigbases/CTI-ANN; the posts are the
    authors' paraphrases). Only the text and the post time are used; the CTI labels are NOT put in the feed.
  * ransomchats: the dated chats of the Ransomchats collection (MIT, Valery Marchive), ransomware negotiation
    transcripts recorded from Tor negotiation portals, as a recorded dark-web mirror read with the shipped
    `ransomchats` mirror profile: one capture per chat, byte for byte, captured at the end of the day its file name
    gives. Chats whose file name holds no date are left out (they cannot be placed in time).
  * attack/: MITRE ATT&CK groups and software (intrusion sets, malware, tools: id, name, aliases, created, revoked,
    deprecated and the ATT&CK id; descriptions left out), one STIX object per line, with MITRE's licence: the
    authoritative record the demo reads the lead of its actor warnings against. It is not a capture.
The output is deterministic: running it twice gives the same bytes.
"""
import argparse
import csv
import datetime as dt
import hashlib
import os
from email.utils import format_datetime
from xml.sax.saxutils import escape

UTC = dt.timezone.utc


def rfc822(d):
    return format_datetime(d, usegmt=True)


def iso(d):
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return hashlib.sha256(data).hexdigest()


def kev_captures(corpus, out):
    rows = list(csv.DictReader(open(os.path.join(corpus, "cisa-kev/known_exploited_vulnerabilities_mirror_2026-08-20.csv"),
                                    encoding="utf-8")))
    rows = [r for r in rows if r["dateAdded"] >= "2025-10-01"]
    captures = []
    capture = dt.datetime(2025, 10, 6, 6, 0, tzinfo=UTC)
    end = dt.datetime(2026, 8, 24, 6, 0, tzinfo=UTC)
    while capture <= end:
        window = [r for r in rows
                  if capture - dt.timedelta(days=14) < dt.datetime.fromisoformat(r["dateAdded"]).replace(tzinfo=UTC) + dt.timedelta(hours=18) <= capture]
        window.sort(key=lambda r: (r["dateAdded"], r["cveID"]), reverse=True)
        items = []
        for r in window:
            added = dt.datetime.fromisoformat(r["dateAdded"]).replace(hour=18, tzinfo=UTC)
            # Only a known ransomware use is stated: "ransomware ... Unknown" on every entry would tag them all.
            ransomware = ("<b>Known to be used in ransomware campaigns.</b> "
                          if r["knownRansomwareCampaignUse"] == "Known" else "")
            description = (f"<p>{escape(r['shortDescription'])}</p>"
                           f"<p><b>Vendor/product:</b> {escape(r['vendorProject'])} {escape(r['product'])}. "
                           f"{ransomware}"
                           f"<b>Required action:</b> {escape(r['requiredAction'])} "
                           f"<b>Due date:</b> {r['dueDate']}.</p>")
            categories = "".join(f"<category>{escape(c.strip())}</category>" for c in r["cwes"].split(",") if c.strip())
            items.append(f"""    <item>
      <title>{escape(r['cveID'] + ': ' + r['vulnerabilityName'])}</title>
      <link>https://nvd.nist.gov/vuln/detail/{r['cveID']}</link>
      <guid isPermaLink="false">{r['cveID']}</guid>
      <pubDate>{rfc822(added)}</pubDate>
      <description>{escape(description)}</description>
      {categories}
    </item>""")
        if items:
            doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>CISA Known Exploited Vulnerabilities (recorded for the EW/EA demo)</title>
    <link>https://www.cisa.gov/known-exploited-vulnerabilities-catalog</link>
    <description>Entries added to the KEV catalogue in the 14 days before capture. Data: CISA, CC0 1.0.</description>
    <copyright>CISA KEV catalogue, Creative Commons CC0 1.0 Universal</copyright>
    <lastBuildDate>{rfc822(capture)}</lastBuildDate>
{chr(10).join(items)}
  </channel>
</rss>
"""
            name = f"captures/cisa-kev/{capture:%Y-%m-%d}.xml"
            sha = write(os.path.join(out, name), doc)
            captures.append(("cisa-kev", name, "https://www.cisa.gov/known-exploited-vulnerabilities.xml", capture,
                             "application/rss+xml", sha))
        capture += dt.timedelta(days=7)
    return captures


def cti_captures(corpus, out):
    rows = list(csv.DictReader(open(os.path.join(corpus, "cti-ann-x-annotated/X-Annotated-Dataset.with_dates.csv"),
                                    encoding="utf-8")))
    by_month = {}
    for r in rows:
        created = dt.datetime.strptime(r["created_utc_from_snowflake"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        by_month.setdefault((created.year, created.month), []).append((created, r))
    captures = []
    for (year, month), posts in sorted(by_month.items()):
        capture = dt.datetime(year + (month == 12), month % 12 + 1, 1, 0, 30, tzinfo=UTC)
        posts.sort(key=lambda p: (p[0], p[1]["ID"]), reverse=True)
        entries = []
        for created, r in posts:
            text = r["summary"].strip()
            title = text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + "..."
            entries.append(f"""  <entry>
    <id>tag:x.com,2016:status/{r['ID']}</id>
    <title type="text">{escape(title)}</title>
    <link rel="alternate" href="https://x.com/i/status/{r['ID']}"/>
    <published>{iso(created)}</published>
    <updated>{iso(created)}</updated>
    <content type="text">{escape(text)}</content>
  </entry>""")
        doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:ewea:demo:cti-ann:{year}-{month:02d}</id>
  <title>CTI-ANN annotated X posts, {year}-{month:02d} (recorded for the EW/EA demo)</title>
  <updated>{iso(capture)}</updated>
  <rights>CTI-ANN X-Annotated-Dataset by bigbases (github.com/bigbases/CTI-ANN), CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/). Changes: reshaped into monthly Atom feeds; labels removed.
The texts are the dataset authors' paraphrases of the original posts.</rights>
  <author><name>CTI-ANN (bigbases)</name></author>
{chr(10).join(entries)}
</feed>
"""
        name = f"captures/cti-ann/{year}-{month:02d}.xml"
        sha = write(os.path.join(out, name), doc)
        captures.append(("cti-ann", name, "https://github.com/bigbases/CTI-ANN", capture, "application/atom+xml", sha))
    return captures


def ransomchat_captures(corpus, out):
    import re
    import shutil
    folder = os.path.join(corpus, "ransomchats/chats")
    captures = []
    for group in sorted(os.listdir(folder)):
        for name in sorted(os.listdir(os.path.join(folder, group))):
            m = re.match(r"^(\d{4})(\d{2})(\d{2})(?!\d)", name)
            if not name.endswith(".json") or not m:
                continue
            try:
                day = dt.datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), 23, 59, 59, tzinfo=UTC)
            except ValueError:
                continue
            # recording paths are letters, digits and . _ - + / only: any other character of a name becomes _
            relative = f"captures/ransomchats/{re.sub(r'[^A-Za-z0-9._+-]', '_', group)}/" \
                       f"{re.sub(r'[^A-Za-z0-9._+-]', '_', name)}"
            target = os.path.join(out, relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(folder, group, name), target)
            with open(target, "rb") as f:
                sha = hashlib.sha256(f.read()).hexdigest()
            from urllib.parse import quote
            origin = f"https://raw.githubusercontent.com/Casualtek/Ransomchats/main/{quote(group)}/{quote(name)}"
            captures.append(("ransomchats", relative, origin, day, "application/json", sha))
    shutil.copyfile(os.path.join(corpus, "ransomchats/LICENSE"), os.path.join(out, "captures/ransomchats/LICENSE"))
    return captures


def attack_record(corpus, out):
    import json
    kept = []
    with open(os.path.join(corpus, "mitre-attack/attack_objects.jsonl"), encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o.get("type") not in ("intrusion-set", "malware", "tool"):
                continue
            slim = {"type": o["type"], "id": o["id"], "created": o.get("created"), "name": o.get("name")}
            for key in ("aliases", "x_mitre_aliases", "revoked", "x_mitre_deprecated"):
                if key in o:
                    slim[key] = o[key]
            slim["external_references"] = [
                {k: r[k] for k in ("source_name", "external_id", "url") if k in r}
                for r in o.get("external_references", []) if r.get("source_name") == "mitre-attack"]
            kept.append(slim)
    kept.sort(key=lambda o: (o["created"] or "", o["id"]))
    write(os.path.join(out, "attack/attack-groups-software.jsonl"),
          "".join(json.dumps(o, ensure_ascii=False, sort_keys=True) + "\n" for o in kept))
    licence = open(os.path.join(corpus, "mitre-attack/LICENSE.txt"), encoding="utf-8").read()
    write(os.path.join(out, "attack/LICENSE.txt"), licence)
    return len(kept)


def source_lines(source_id, kind, title, url, grading, tlp, profile=None, tags=None):
    """A source of a recording manifest (English), as YAML lines under 'sources:'."""
    lines = [f"  - id: {source_id}", f"    kind: {kind}", f"    title: {title}", f"    url: {url}",
             "    language: en", f"    grading: {grading}", f"    tlp: {tlp}"]
    if profile:
        lines.append(f"    profile: {profile}")
    if tags:
        lines.append(f"    tags: [{', '.join(tags)}]")
    return lines


def capture_lines(captures):
    """The 'captures:' section of a recording manifest, from (source, file, origin, time, type, sha256) tuples."""
    lines = ["captures:"]
    for source, name, origin, captured, content_type, sha in captures:
        lines += [f"  - source: {source}", f"    file: {name}", f"    origin: {origin}",
                  f"    captured: {iso(captured)}", f"    contentType: {content_type}", f"    sha256: {sha}"]
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "../../shared/corpus"))
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "../demo"))
    args = parser.parse_args()
    captures = (kev_captures(args.corpus, args.out) + cti_captures(args.corpus, args.out)
                + ransomchat_captures(args.corpus, args.out))
    captures.sort(key=lambda c: (c[3], c[0]))
    lines = ["# Generated by scripts/build-demo-recording.py from ../shared/corpus: do not edit by hand.",
             "# A folder recording: each capture is a file as it was fetched, with its origin, capture time and SHA-256.",
             "id: ewea-demo",
             "title: EW/EA demo recording (CISA KEV 2025-2026, CTI-ANN 2016, Ransomchats 2020-2026)",
             "licence: see NOTICE.md in this folder (CC0 1.0, CC BY 4.0 and MIT)",
             "sources:"]
    lines += source_lines("cisa-kev", "rss", "CISA Known Exploited Vulnerabilities",
                          "https://www.cisa.gov/known-exploited-vulnerabilities.xml", "A1", "CLEAR")
    lines += source_lines("cti-ann", "atom", "CTI-ANN annotated X posts (paraphrased)",
                          "https://github.com/bigbases/CTI-ANN", "F6", "CLEAR")
    lines += source_lines("ransomchats", "mirror", "Ransomware negotiation portals (recorded chats)",
                          "https://github.com/Casualtek/Ransomchats", "B2", "CLEAR", profile="ransomchats",
                          tags=["dark-web"])
    lines += capture_lines(captures)
    write(os.path.join(args.out, "recording.yaml"), "\n".join(lines) + "\n")
    print(f"{attack_record(args.corpus, args.out)} ATT&CK groups and software written to {args.out}/attack")
    print(f"{len(captures)} captures written to {args.out}")


if __name__ == "__main__":
    main()
