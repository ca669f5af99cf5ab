#!/usr/bin/env python3
"""Builds a kg graph with Apache Spark (local mode): `kg extract` is the map step (RDD.pipe), `kg merge` the reduce.

usage: python3 Scripts/spark-build.py ARTICLES.jsonl OUT.jsonld [--kg PATH] [--partitions N]

Each partition of the JSON Lines corpus is piped through `kg extract`, which writes one JSON-LD graph fragment per
article (no shared state); the fragments are collected into one file and combined by `kg merge`, which deduplicates
exactly as `kg build` does. The result is byte-identical to `kg build ARTICLES.jsonl -o OUT.jsonld`.
Needs: pip install pyspark; a Java runtime (Debian: openjdk-17-jre-headless).
"""
import argparse, os, subprocess, tempfile

from pyspark import SparkContext

ap = argparse.ArgumentParser()
ap.add_argument("articles")
ap.add_argument("out")
ap.add_argument("--kg", default=os.path.abspath(".build/release/kg"))
ap.add_argument("--partitions", type=int, default=4)
a = ap.parse_args()

sc = SparkContext("local[*]", "kg")
sc.setLogLevel("ERROR")
lines = sc.textFile(os.path.abspath(a.articles), minPartitions=a.partitions)
fragments = lines.pipe(f"{a.kg} extract -")
with tempfile.NamedTemporaryFile("w", suffix=".ndjson", delete=False, encoding="utf-8") as f:
    for frag in fragments.toLocalIterator():
        f.write(frag + "\n")
    path = f.name
sc.stop()
subprocess.run([a.kg, "merge", path, "-o", a.out], check=True)
os.unlink(path)
