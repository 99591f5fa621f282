# Splits CLARIN-Emo cases by review, as the data set's README advises (docs/quality.md, "Sixteenth round").
# usage: python3 bench/clarin_review_split.py ../shared/datasets/clarin-emo-pl CASES.jsonl OUTDIR
# CASES.jsonl: from `deskbridge datasets clarin-emo` (ids clarin-s-<line>) or `... --reviews` (clarin-r-<line>).
# A review is the run of sentences up to and including a '#' row of train/in.tsv; 1 review in 5 (by CRC-32 of its
# first line number) goes to OUTDIR/clarin-test.jsonl, the rest to OUTDIR/clarin-train.jsonl. Deterministic.
import json, sys, zlib
src, cases, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(src + '/train/in.tsv', encoding='utf-8').read().split('\n')
review_of = {}; start = None
for i, t in enumerate(lines):
    n = i + 1
    if start is None: start = n
    if t.strip().startswith('#') and set(t.strip()) == {'#'}:
        for k in range(start, n + 1): review_of[k] = start
        start = None
tr = open(outdir + '/clarin-train.jsonl', 'w', encoding='utf-8'); te = open(outdir + '/clarin-test.jsonl', 'w', encoding='utf-8')
counts = {}
for l in open(cases, encoding='utf-8'):
    d = json.loads(l); n = int(d['id'].rsplit('-', 1)[1]); r = review_of[n]
    test = zlib.crc32(str(r).encode()) % 5 == 0
    (te if test else tr).write(l)
    key = ('test' if test else 'train', d['expect']); counts[key] = counts.get(key, 0) + 1
print(counts)
