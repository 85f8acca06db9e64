#!/usr/bin/env python3
"""Builds the bundled exercise's recording from ../shared/corpus (redistributable data only).

  python3 scripts/build-exercise-recording.py [--corpus ../shared/corpus]

Writes api/src/main/resources/exercises/ransomware-week/recording/ (a folder recording, as the collectors read it):
  * cisa-kev: daily RSS 2.0 snapshots (20:00 UTC, 2025-03-10 .. 2025-03-18) of the CISA Known Exploited
    Vulnerabilities catalogue (CC0 1.0), each with the entries added in the 3 days before, so snapshots overlap as a
    live feed does. Entries are dated 18:00 UTC on their dateAdded.
  * akira-portal: the Akira negotiation chats of 2025-03-10, -12 and -13 from Casualtek/Ransomchats (MIT), recorded
    as a dark-web mirror: one Atom capture per chat (22:00 UTC on the chat's day), one entry per message. The chats
    carry no message times; messages are dated 10:00 UTC on the chat's day plus ten minutes per message.
The output is deterministic: running it twice gives the same bytes.
"""
import argparse
import csv
import datetime as dt
import importlib.util
import json
import os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("demo", os.path.join(HERE, "build-demo-recording.py"))
demo = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(demo)
UTC = dt.timezone.utc
FIRST = dt.date(2025, 3, 10)
LAST = dt.date(2025, 3, 18)
CHATS = ["Akira/20250310.json", "Akira/20250312.json", "Akira/20250313.json"]
PORTAL = "http://akiral2iz6a7qgd3ayp3l6yub7xx2uep76idk3u2kollpj5z3z636bad.onion"


def kev(corpus, out):
    rows = list(csv.DictReader(open(os.path.join(corpus, "cisa-kev/known_exploited_vulnerabilities.csv"),
                                    encoding="utf-8")))
    captures = []
    day = FIRST
    while day <= LAST:
        capture = dt.datetime(day.year, day.month, day.day, 20, 0, tzinfo=UTC)
        window = [r for r in rows if day - dt.timedelta(days=2) <= dt.date.fromisoformat(r["dateAdded"]) <= day]
        window.sort(key=lambda r: (r["dateAdded"], r["cveID"]), reverse=True)
        items = []
        for r in window:
            added = dt.datetime.fromisoformat(r["dateAdded"]).replace(hour=18, tzinfo=UTC)
            ransomware = ("<b>Known to be used in ransomware campaigns.</b> "
                          if r["knownRansomwareCampaignUse"] == "Known" else "")
            description = (f"<p>{escape(r['shortDescription'])}</p>"
                           f"<p><b>Vendor/product:</b> {escape(r['vendorProject'])} {escape(r['product'])}. "
                           f"{ransomware}<b>Required action:</b> {escape(r['requiredAction'])} "
                           f"<b>Due date:</b> {r['dueDate']}.</p>")
            items.append(f"""    <item>
      <title>{escape(r['cveID'] + ': ' + r['vulnerabilityName'])}</title>
      <link>https://nvd.nist.gov/vuln/detail/{r['cveID']}</link>
      <guid isPermaLink="false">{r['cveID']}</guid>
      <pubDate>{demo.rfc822(added)}</pubDate>
      <description>{escape(description)}</description>
    </item>""")
        doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>CISA Known Exploited Vulnerabilities (recorded for the EW/EA ransomware-week exercise)</title>
    <link>https://www.cisa.gov/known-exploited-vulnerabilities-catalog</link>
    <description>Entries added to the KEV catalogue in the 3 days before capture. Data: CISA, CC0 1.0.</description>
    <copyright>CISA KEV catalogue, Creative Commons CC0 1.0 Universal</copyright>
    <lastBuildDate>{demo.rfc822(capture)}</lastBuildDate>
{chr(10).join(items)}
  </channel>
</rss>
"""
        name = f"captures/cisa-kev/{day:%Y-%m-%d}.xml"
        sha = demo.write(os.path.join(out, name), doc)
        captures.append(("cisa-kev", name, "https://www.cisa.gov/known-exploited-vulnerabilities.xml", capture,
                         "application/rss+xml", sha))
        day += dt.timedelta(days=1)
    return captures


def chats(corpus, out):
    captures = []
    for path in CHATS:
        chat = json.load(open(os.path.join(corpus, "ransomchats/chats", path), encoding="utf-8"))
        day = dt.datetime.strptime(os.path.basename(path)[:8], "%Y%m%d").replace(tzinfo=UTC)
        capture = day.replace(hour=22)
        entries = []
        for i, m in enumerate(chat["messages"]):
            text = m["content"].strip().lstrip(">").strip()
            if not text:
                continue
            when = day.replace(hour=10) + dt.timedelta(minutes=10 * i)
            title = f"{m['party']}: " + (text if len(text) <= 80 else text[:77].rsplit(" ", 1)[0] + "...")
            entries.append(f"""  <entry>
    <id>urn:ransomchats:{escape(chat['chat_id'])}:{i}</id>
    <title type="text">{escape(title)}</title>
    <link rel="alternate" href="{PORTAL}/chat/{escape(chat['chat_id'])}#{i}"/>
    <published>{demo.iso(when)}</published>
    <updated>{demo.iso(when)}</updated>
    <content type="text">{escape(text)}</content>
  </entry>""")
        doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:ewea:exercise:akira-portal:{escape(chat['chat_id'])}</id>
  <title>Akira negotiation portal, chat of {day:%Y-%m-%d} (recorded mirror)</title>
  <updated>{demo.iso(capture)}</updated>
  <rights>From Casualtek/Ransomchats (github.com/Casualtek/Ransomchats), MIT licence, Copyright (c) 2023 Valery
Marchive; see NOTICE.md. Changes: one entry per message; message times assigned (the chats carry none).</rights>
  <author><name>Ransomchats (Casualtek)</name></author>
{chr(10).join(entries)}
</feed>
"""
        name = f"captures/akira-portal/{day:%Y-%m-%d}.xml"
        sha = demo.write(os.path.join(out, name), doc)
        captures.append(("akira-portal", name, f"{PORTAL}/chat/{chat['chat_id']}", capture,
                         "application/atom+xml", sha))
    return captures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(HERE, "../../shared/corpus"))
    parser.add_argument("--out", default=os.path.join(HERE, "../api/src/main/resources/exercises/ransomware-week/"
                                                            "recording"))
    args = parser.parse_args()
    captures = kev(args.corpus, args.out) + chats(args.corpus, args.out)
    captures.sort(key=lambda c: (c[3], c[0]))
    lines = ["# Generated by scripts/build-exercise-recording.py from ../shared/corpus: do not edit by hand.",
             "id: ransomware-week-2025-03",
             "title: Ransomware week, March 2025 (CISA KEV, Akira negotiation chats)",
             "licence: see NOTICE.md in this folder (CC0 1.0 and MIT)",
             "sources:"]
    lines += demo.source_lines("cisa-kev", "rss", "CISA Known Exploited Vulnerabilities",
                               "https://www.cisa.gov/known-exploited-vulnerabilities.xml", "A1", "CLEAR")
    lines += demo.source_lines("akira-portal", "atom", "Akira negotiation portal (recorded dark-web mirror)", PORTAL,
                               "C3", "AMBER")
    lines += demo.capture_lines(captures)
    demo.write(os.path.join(args.out, "recording.yaml"), "\n".join(lines) + "\n")
    licence = open(os.path.join(args.corpus, "ransomchats/LICENSE"), encoding="utf-8").read()
    demo.write(os.path.join(args.out, "NOTICE.md"), f"""# Data in this recording

* `captures/cisa-kev/`: CISA Known Exploited Vulnerabilities catalogue (github.com/cisagov/kev-data, commit
  eacf03ec6637cc7be6d3d4ed50785493da5126a2), Creative Commons CC0 1.0 Universal. Reshaped into daily RSS snapshots.
* `captures/akira-portal/`: Akira negotiation chats from Casualtek/Ransomchats (github.com/Casualtek/Ransomchats,
  commit c69e0740c11ba2e86892c3ae34f73579a1a5a183), chats 20250310, 20250312 and 20250313. The chats are anonymised
  by the repository's author unless the victim was already publicly disclosed; they contain extortion language.
  Reshaped into one Atom feed per chat, one entry per message, with assigned message times. Licence:

```
{licence.strip()}
```
""")
    print(f"{len(captures)} captures written to {args.out}")


if __name__ == "__main__":
    main()
