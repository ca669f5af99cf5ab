"""The normalised key of an Arabic word, as the Python generators in Scripts/ compute it.

A simplified copy of kg's matching normalisation (Sources/KGKit/Text/Normalizer.swift): marks and tatweel removed,
alef forms, alef maqsura, ta marbuta, hamza seats unified. Shared by gen-wordfreq.py and gen-word-clusters.py so the
two resources key words the same way.
"""
import re

MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]")
TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def key(word):
    return MARKS.sub("", word).translate(TABLE)
