#!/usr/bin/env python3
"""Print what a kg graph holds, as a sanity check a person can read.

    python3 Scripts/graph-stats.py graph.jsonld [--top 20]

Nodes per type, relations per predicate, events per type, and the most connected entities (by the number of
distinct relation statements they take part in), with their English and Arabic names.
"""
import argparse
import collections
import json


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()
    with open(args.graph, encoding="utf-8") as f:
        nodes = json.load(f).get("@graph", [])
    types, events, predicates, degree = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    names = {}
    for n in nodes:
        t = n.get("@type")
        t = t if isinstance(t, list) else [t]
        if "RelationStatement" in t:
            p = n.get("predicate", "?")
            predicates[p] += 1
            if p not in ("agent", "target", "location", "participant"):
                degree[n.get("subject")] += 1
                degree[n.get("object")] += 1
            continue
        if t[0] in ("Graph", "NewsArticle"):
            types[t[0]] += 1
            continue
        types[t[0]] += 1
        if t[0] == "Event":
            events[n.get("eventType") or (t[1] if len(t) > 1 else "?")] += 1
        name = n.get("name")
        if isinstance(name, dict):
            names[n["@id"]] = " / ".join(v for v in (name.get("en"), name.get("ar")) if v)
        elif name:
            names[n["@id"]] = str(name)

    def table(title, counter):
        print(title)
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            print("  %-28s %8d" % (k, v))

    table("nodes by type", types)
    table("relations by predicate", predicates)
    table("events by type", events)
    print("%d most connected entities (relations, excluding event roles)" % args.top)
    ranked = sorted(((v, k) for k, v in degree.items() if k in names), key=lambda x: (-x[0], x[1]))[: args.top]
    for v, k in ranked:
        print("  %5d  %s" % (v, names[k]))


if __name__ == "__main__":
    main()
