#!/usr/bin/env python3
"""Generate a synthetic English news corpus (JSON Lines) for the scale benchmark.

Until a real English corpus is provided, the benchmark needs English input of the same size as the Arabic ANT corpus.
This script takes the English example articles (Examples/articles/*.en.txt) and writes variants of them in which
every annotated person, organisation and place (from the gold files in Tests/Gold/) is replaced, consistently within
an article, by another entity of the same kind from kg's gazetteer (Sources/KGKit/Resources/lexicon/*.tsv) or, for
people not in the gazetteer, by a name made from the ANETAC English name words. Dates vary too. The output is
deterministic for a given --seed.

    python3 Scripts/gen-english-corpus.py -o english.jsonl --mb 98

The text is real English prose around varied names, so it exercises tokenisation, recognition and the graph at
realistic sizes; it is not a quality benchmark (the relations in it are the examples' relations with other names).
"""
import argparse
import csv
import glob
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "Sources", "KGKit", "Resources", "lexicon")


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def ascii_name(s):
    return bool(s) and all(ord(c) < 0x250 for c in s) and not any(c.isdigit() for c in s)


def pools():
    """Replacement names by kind, from the gazetteer."""
    people = [r["name_en"] for r in read_tsv(os.path.join(LEX, "people.tsv")) if ascii_name(r.get("name_en", ""))]
    orgs = [r["name_en"] for r in read_tsv(os.path.join(LEX, "organizations.tsv")) if ascii_name(r.get("name_en", ""))]
    countries, cities = [], []
    for r in read_tsv(os.path.join(LEX, "places.tsv")):
        n = r.get("name_en", "")
        if not ascii_name(n):
            continue
        if r["subtype"] == "Country":
            countries.append(n)
        elif r["subtype"] == "City":
            cities.append(n)
    first, last = [], []
    with open(os.path.join(LEX, "name-words.tsv"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 3 and c[2] == "PERSON" and ascii_name(c[1]) and c[1][:1].isupper():
                (first if len(first) <= len(last) else last).append(c[1])
    return {"people": sorted(set(people)), "orgs": sorted(set(orgs)), "countries": sorted(set(countries)),
            "cities": sorted(set(cities)), "first": sorted(set(first)), "last": sorted(set(last))}


def templates():
    """(title, body, entities) of each English example; entities as (type, [names]) from its gold file."""
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Examples", "articles", "*.en.txt"))):
        stem = os.path.basename(path)[:-4]
        gold_path = os.path.join(ROOT, "Tests", "Gold", stem + ".json")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        title, _, body = text.partition("\n")
        entities = []
        if os.path.exists(gold_path):
            with open(gold_path, encoding="utf-8") as f:
                gold = json.load(f)
            for e in gold.get("entities", []):
                names = [n for n in e.get("names", []) if ascii_name(n) and len(n) > 2]
                if e.get("type") in ("Person", "Organization", "Place") and names:
                    entities.append((e["type"], names))
        out.append((title, body, entities))
    if not out:
        sys.exit("error: no Examples/articles/*.en.txt found")
    return out


def replacement(kind, names, pool, rng, country_names):
    if kind == "Person":
        if rng.random() < 0.5 and pool["people"]:
            return rng.choice(pool["people"])
        return rng.choice(pool["first"]) + " " + rng.choice(pool["last"])
    if kind == "Organization":
        return rng.choice(pool["orgs"])
    if any(n in country_names for n in names):
        return rng.choice(pool["countries"])
    return rng.choice(pool["cities"])


def variant(template, pool, rng, country_names):
    title, body, entities = template
    mapping = {}
    for kind, names in entities:
        new = replacement(kind, names, pool, rng, country_names)
        new_parts = new.split()
        full_parts = max(names, key=len).split()
        for n in names:
            parts = n.split()
            # a partial name (surname, short form) gets the matching part of the new name
            if kind == "Person" and len(parts) == 1 and len(full_parts) > 1 and parts[0] == full_parts[-1]:
                mapping[n] = new_parts[-1]
            elif kind == "Person" and len(parts) == 1 and len(full_parts) > 1 and parts[0] == full_parts[0]:
                mapping[n] = new_parts[0]
            else:
                mapping.setdefault(n, new)
    if not mapping:
        return title, body
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(mapping, key=len, reverse=True)) + r")\b")
    sub = lambda s: pattern.sub(lambda m: mapping[m.group(1)], s)
    return sub(title), sub(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--mb", type=float, default=98.0, help="stop after this many megabytes (default 98)")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = pools()
    country_names = set(pool["countries"])
    temps = templates()
    target = int(args.mb * 1_000_000)
    written = n = 0
    with open(args.output, "w", encoding="utf-8") as out:
        while written < target:
            t = temps[n % len(temps)]
            title, body = variant(t, pool, rng, country_names)
            day = 1 + rng.randrange(28)
            month = 1 + rng.randrange(12)
            rec = {"id": "en-synth-%07d" % n, "title": title, "text": body,
                   "date": "2025-%02d-%02d" % (month, day), "lang": "en"}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    print("wrote %d articles, %.1f MB to %s" % (n, written / 1e6, args.output), file=sys.stderr)


if __name__ == "__main__":
    main()
