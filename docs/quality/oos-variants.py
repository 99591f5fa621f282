#!/usr/bin/env python3
"""Offline refits of the bot's calibration on CLINC150's choice set (docs/quality.md, "Out of scope on CLINC150,
fourth try"). Reads the TSV of OutOfScopeDump (calibration.jsonl's messages) and optionally a second one (the extra
oos_train messages of data_oos_plus.json); prints coverage and out-of-scope answered at 0.55 and at 80 % coverage,
and ECE, per variant. Needs numpy.  usage: oos-variants.py dump.tsv [dump-plus.tsv]"""
import collections, math, sys
import numpy as np

def load(path):
    rows = []
    for line in open(path):
        p = line.rstrip('\n').split('\t')
        hits = [(p[j],) + tuple(float(x) for x in p[j + 1:j + 8]) for j in range(2, len(p), 8)]
        rows.append((p[0], p[1], hits))  # kind, expected article ("-": out of scope), hits (id, score, cos, lex, vote, cov, cen, spr)
    return rows

def base(h):  # Calibration.features' eight
    b = h[0]; s2 = h[1][1] if len(h) > 1 else 0
    return [b[1], b[1] - s2, b[2], b[3], b[4], b[5], b[6], b[7]]

def expand(v):  # the intercept, the features and the products of every pair
    out = [1.0] + list(v)
    for i in range(len(v)):
        for j in range(i, len(v)):
            out.append(v[i] * v[j])
    return out

def fit(X, y, sw, lam):  # LogisticRegression.fit: Newton, L2 lam * total weight, intercept unpenalised
    X = np.array(X); y = np.array(y, float); sw = np.array(sw, float); w = np.zeros(X.shape[1])
    pen = np.full(X.shape[1], lam * sw.sum()); pen[0] = 0
    for _ in range(100):
        p = 1 / (1 + np.exp(-X @ w))
        step = np.linalg.solve((X * (sw * p * (1 - p))[:, None]).T @ X + np.diag(pen), X.T @ (sw * (p - y)) + pen * w)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w

rows = load(sys.argv[1])
cases = [r for r in rows if r[0].endswith('calibration.jsonl')]
if len(sys.argv) > 2:
    cases += [r for r in load(sys.argv[2]) if r[0] not in ('loo', 'lao')]
loo = [r for r in rows if r[0] == 'loo']; lao = [r for r in rows if r[0] == 'lao']
land = collections.Counter(r[2][0][0] for r in lao)
n_best = collections.Counter(); n_wrong = collections.Counter()
for r in loo + lao[:200]:
    n_best[r[2][0][0]] += 1; n_wrong[r[2][0][0]] += r[1] != r[2][0][0]
extra = {
    'today': None,
    'second cosine': lambda h: h[1][2],
    'cosine margin': lambda h: h[0][2] - h[1][2],
    'density': lambda h: np.mean([x[1] for x in h[1:]]) / h[0][1],
    'hubness': lambda h: math.log((land[h[0][0]] + 1) / (len(lao) / 150 + 1)),
    'wrong wins': lambda h: (n_wrong[h[0][0]] + 1) / (n_best[h[0][0]] + 5),
    'centroid - spread': lambda h: h[0][6] - h[0][7],
    '(cos - centroid) / spread': lambda h: (h[0][2] - h[0][6]) / max(0.05, h[0][7]),
    'second centroid': lambda h: h[1][6],
    'second vote': lambda h: h[1][4],
    'second lexical': lambda h: h[1][3],
}
variants = [(k, f, 200, 1e-3) for k, f in extra.items()] + [
    ('400 stand-ins', None, 400, 1e-3), ('800 stand-ins', None, 800, 1e-3),
    ('L2 1e-2', None, 200, 1e-2), ('L2 3e-4', None, 200, 3e-4), ('L2 1e-4', None, 200, 1e-4)]
ans = np.array([r[1] != '-' for r in cases]); right = np.array([r[1] == r[2][0][0] for r in cases])
for name, f, stand_ins, lam in variants:
    feats = (lambda h: base(h) + [f(h)]) if f else base
    train = loo + lao[:stand_ins]
    w = fit([expand(feats(r[2])) for r in train], [r[2][0][0] == r[1] for r in loo] + [False] * stand_ins,
            [1] * len(loo) + [200 / stand_ins] * stand_ins, lam)
    c = 1 / (1 + np.exp(-np.array([expand(feats(r[2])) for r in cases]) @ w))
    t80 = np.sort(c[ans])[::-1][int(0.8 * ans.sum()) - 1]
    bins = np.minimum((c * 10).astype(int), 9)
    ece = sum((bins == b).sum() / len(c) * abs(c[bins == b].mean() - right[bins == b].mean()) for b in range(10) if (bins == b).any())
    print(f'{name:28s} coverage {100 * (c[ans] >= .55).mean():.1f} %  out of scope at 0.55 {100 * (c[~ans] >= .55).mean():.1f} %'
          f'  at 80 % coverage {100 * (c[~ans] >= t80).mean():.1f} %  ECE {ece:.3f}  ({(~ans).sum()} out of scope)')
