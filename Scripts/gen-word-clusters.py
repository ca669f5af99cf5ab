#!/usr/bin/env python3
"""Distributional word clusters for the name tagger, learned without labels from the ANT news corpus.

usage: python3 Scripts/gen-word-clusters.py [CORPUS.jsonl] [OUT.tsv]
Defaults: ../shared/corpora/ant-arabic-news-2018.jsonl -> Sources/KGKit/Resources/models/word-clusters-ar.tsv
Needs numpy and scipy (generation only; kg reads the TSV with Foundation).

Method (a cheap stand-in for Brown clusters):
  1. Words are normalised like kg's Normalizer (diacritics and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و,
     ئ → ي); a word is also counted under its form without a leading proclitic و/ف and ب/ل/ك when that remainder is
     itself a frequent word, so the table knows stems as kg's clitic segmenter produces them.
  2. Every word seen at least MIN_COUNT times gets a context vector: counts of the CONTEXT most frequent words (and
     of sentence punctuation) one position to its left and one to its right, separately — 2 × (CONTEXT + 1) columns.
  3. Counts become positive PMI, rows are reduced to DIM dimensions by truncated SVD and length-normalised.
     Words seen RARE_COUNT to MIN_COUNT - 1 times are listed with "-" clusters, for their count.
  4. Spherical k-means (deterministic init: evenly spaced frequent words) gives K_FINE clusters; their centroids
     are clustered again into K_MID and K_COARSE groups, so every word has three nested granularities, like
     Brown-cluster bit-string prefixes.
Output: "word<TAB>fine<TAB>mid<TAB>coarse<TAB>count" (count: occurrences of the word or stem in the corpus), sorted by
word, deterministic for a given corpus. The tagger takes its corpus-frequency feature from the count column too, so
it never hashes an Arabic String for it.
"""
import json, re, sys
from arabic_key import key
from collections import Counter

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

MIN_COUNT = 10
RARE_COUNT = 3  # words seen RARE_COUNT..MIN_COUNT-1 times are listed with their count but no cluster
CONTEXT = 2000
DIM = 100
K_FINE, K_MID, K_COARSE = 1000, 200, 40
ITERATIONS = 25

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/ant-arabic-news-2018.jsonl"
out = sys.argv[2] if len(sys.argv) > 2 else "Sources/KGKit/Resources/models/word-clusters-ar.tsv"

TOKEN = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[0-9\u0660-\u0669]+|[.!?؟،,:;\"()«»]")
PUNCT = "<p>"
NUM = "<num>"


def words(text):
    for t in TOKEN.findall(text):
        c = t[0]
        if c in ".!?؟،,:;\"()«»":
            yield PUNCT
        elif c.isdigit():
            yield NUM
        else:
            yield key(t)


docs = []
counts = Counter()
with open(src, encoding="utf-8") as f:
    for line in f:
        try:
            art = json.loads(line)
        except json.JSONDecodeError:
            continue
        seq = [w for part in (art.get("title") or "", art.get("text") or "") for w in words(part)]
        docs.append(seq)
        counts.update(seq)

# stem the sequences: a leading و/ف then ب/ل/ك is split off when the rest is a frequent word of its own
def stem(w):
    for p in ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"):
        if w.startswith(p) and len(w) - len(p) >= 2 and counts.get(w[len(p):], 0) >= 5 * max(1, counts.get(w, 0)) // 2:
            return w[len(p):]
    return w

stems = {w: stem(w) for w in counts}
seqs = [[stems[w] for w in d] for d in docs]
del docs
scounts = Counter()
for s in seqs:
    scounts.update(s)

vocab = sorted((w for w, c in scounts.items() if c >= MIN_COUNT and w not in (PUNCT, NUM) and len(w) >= 2),
               key=lambda w: (-scounts[w], w))
index = {w: i for i, w in enumerate(vocab)}
ctx_words = [PUNCT, NUM] + [w for w in vocab[:CONTEXT]]
ctx = {w: i for i, w in enumerate(ctx_words)}
C = len(ctx_words) + 1  # + other
rows, cols = [], []
for s in seqs:
    n = len(s)
    for i, w in enumerate(s):
        r = index.get(w)
        if r is None:
            continue
        left = s[i - 1] if i > 0 else PUNCT
        right = s[i + 1] if i + 1 < n else PUNCT
        rows.append(r); cols.append(ctx.get(left, C - 1))
        rows.append(r); cols.append(C + ctx.get(right, C - 1))
M = sp.csr_matrix((np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(cols))), shape=(len(vocab), 2 * C))
M.sum_duplicates()
del rows, cols

# positive PMI
total = M.sum()
rs = np.asarray(M.sum(axis=1)).ravel()
cs = np.asarray(M.sum(axis=0)).ravel() ** 0.75
cs = cs / cs.sum() * total
M = M.tocoo()
pmi = np.log(M.data * total / (rs[M.row] * cs[M.col]))
keep = pmi > 0
P = sp.csr_matrix((pmi[keep], (M.row[keep], M.col[keep])), shape=M.shape)

rng = np.random.default_rng(1)
u, s, _ = svds(P, k=DIM, v0=rng.standard_normal(min(P.shape)))
X = u * np.sqrt(s)
X /= np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-9)


def kmeans(X, k, weights=None):
    # deterministic init: evenly spaced rows of the frequency-sorted matrix
    C = X[np.linspace(0, len(X) - 1, k).astype(int)].copy()
    assign = np.zeros(len(X), dtype=int)
    for _ in range(ITERATIONS):
        assign = np.concatenate([np.argmax(X[a:a + 8192] @ C.T, axis=1) for a in range(0, len(X), 8192)])
        for j in range(k):
            m = assign == j
            if m.any():
                v = (X[m] * (weights[m, None] if weights is not None else 1)).sum(axis=0)
                C[j] = v / max(np.linalg.norm(v), 1e-9)
    return assign, C


fine, centroids = kmeans(X, K_FINE)
sizes = np.bincount(fine, minlength=K_FINE).astype(float)
mid_of_fine, mid_centroids = kmeans(centroids, K_MID, sizes)
coarse_of_mid, _ = kmeans(mid_centroids, K_COARSE, np.bincount(mid_of_fine, weights=sizes, minlength=K_MID))

with open(out, "w", encoding="utf-8") as f:
    f.write("# Distributional clusters of normalised Arabic words (fine, mid, coarse), learned without labels from the ANT\n")
    f.write("# corpus (Chouigui, Ben Khiroun, Elayeb; antcorpus/antcorpus.multisource.data, Apache-2.0) by\n")
    f.write("# Scripts/gen-word-clusters.py (left/right-neighbour PPMI vectors, SVD, nested spherical k-means).\n")
    f.write("# Columns: word, fine, mid, coarse cluster (\"-\" for words too rare to cluster), corpus count.\n")
    rare = [w for w, c in scounts.items() if RARE_COUNT <= c < MIN_COUNT and w not in (PUNCT, NUM) and len(w) >= 2]
    for w in sorted(vocab + rare):
        i = index.get(w)
        if i is None:  # too rare to cluster: its count only
            f.write(f"{w}\t-\t-\t-\t{scounts[w]}\n")
        else:
            f.write(f"{w}\t{fine[i]}\t{mid_of_fine[fine[i]]}\t{coarse_of_mid[mid_of_fine[fine[i]]]}\t{scounts[w]}\n")
print(f"{len(vocab)} words, {K_FINE}/{K_MID}/{K_COARSE} clusters written to {out}")
