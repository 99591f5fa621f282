#!/usr/bin/env python3
"""Offline refits of the bot's calibration with other calibration queries (docs/quality.md, "Seventeenth round:
calibration per language"). Reads CalibrationDump's TSVs (columns: kind|case id, order, language, expected article
or '-', then per hit: id, score, cosine, lexical, vote, coverage, centroid, spread) and prints, per variant, coverage /
precision at 0.55 and out-of-scope answered per language on each half of the web-shop set (halves by a SHA-256 of
the text), and on CLINC150 val and Bitext when given. Needs numpy.
With --generic: the variants of "Generic stand-ins" (stand-ins for uncovered messages without the knowledge base's
template wording) and the mean best score and lexical score of each kind of row per language, instead.
usage: calibration-variants.py [--generic] webshop.tsv webshop-cases.jsonl [clinc-val.tsv] [bitext.tsv]"""
import hashlib, json, sys
import numpy as np

LANGS = ['en', 'cs', 'pl', 'sk', 'sl']
THRESHOLD = 0.55
SHARE = 0.2  # BotConfig.DEFAULT_UNCOVERED


def load(path):
    rows = []
    for line in open(path):
        p = line.rstrip('\n').split('\t')
        hits = [(p[j],) + tuple(float(x) for x in p[j + 1:j + 8]) for j in range(4, len(p), 8)]
        rows.append(dict(kind=p[0].split('|')[0], id=p[0].split('|')[-1], order=int(p[1]), lang=p[2], art=p[3],
                         hits=hits))
    return rows


def feats(h):  # Calibration.features: the intercept, eight features, their 36 products
    b = h[0]; s2 = h[1][1] if len(h) > 1 else 0
    v = [b[1], b[1] - s2, b[2], b[3], b[4], b[5], b[6], b[7]]
    return [1.0] + v + [v[i] * v[j] for i in range(8) for j in range(i, 8)]


def fit(X, y, sw, lam=1e-3):  # Calibration.logistic: Newton, L2 lam * total weight, intercept unpenalised
    X = np.array(X); y = np.array(y, float); sw = np.array(sw, float); w = np.zeros(X.shape[1])
    pen = np.full(X.shape[1], lam * sw.sum()); pen[0] = 0
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -50, 50)))
        step = np.linalg.solve((X * (sw * p * (1 - p))[:, None]).T @ X + np.diag(pen), X.T @ (sw * (p - y)) + pen * w)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def right(r):
    return r['art'] != '-' and r['hits'][0][0] == r['art']


def training(rows, sent=0.0, xl=0.0, neg_sent=0.0, gen=0.0, strip=0.0, strip_kind='lsw'):
    """today's rows (800 leave-one-out questions, leave-the-article-out questions at the 20 % share), plus body
    sentences left out (sent) and questions with their article's same-language texts left out (xl), each kind given
    that multiple of the questions' weight; neg_sent: the share of the uncovered weight taken by body sentences
    searched with their article left out instead of questions; gen: the share taken by generic off-topic messages
    (off-topic.<lang>.txt, those kept by generic_kept); strip: the share taken by the leave-the-article-out questions
    with their language's words of >= 3 articles' questions left out (strip_kind 'lsw' re-embedded, 'lswt' not)"""
    loo = [r for r in rows if r['kind'] == 'loo' and r['order'] < 800]
    X = [feats(r['hits']) for r in loo]; y = [right(r) for r in loo]; w = [1.0] * len(loo); L = [r['lang'] for r in loo]
    total = float(len(loo))
    for kind, ratio in (('sent', sent), ('xl', xl)):
        extra = [r for r in rows if r['kind'] == kind]
        if ratio > 0 and extra:
            for r in extra:
                X.append(feats(r['hits'])); y.append(right(r)); w.append(ratio * len(loo) / len(extra)); L.append(r['lang'])
            total += ratio * len(loo)
    lao = sorted([r for r in rows if r['kind'] == 'lao'], key=lambda r: r['order'])[:int(round(len(loo) * SHARE / (1 - SHARE)))]
    slao = [r for r in rows if r['kind'] == 'slao']
    qpart = 1.0 - neg_sent if slao else 1.0
    gens = generic_kept(rows)
    strs = sorted([r for r in rows if r['kind'] == strip_kind], key=lambda r: r['order'])[:len(lao)]
    gen = gen if gens else 0.0
    strip = strip if strs else 0.0
    qpart -= gen + strip
    for part, group in ((qpart, lao), (1.0 - qpart - gen - strip, slao), (gen, gens), (strip, strs)):
        for r in group if part > 0 else []:
            X.append(feats(r['hits'])); y.append(False); w.append(part * SHARE / (1 - SHARE) * total / len(group)); L.append(r['lang'])
    return X, y, w, L


def generic_kept(rows):
    """the generic off-topic messages whose best hit does not look answerable: its score is below the median best
    score of its language's leave-one-out questions that found their article"""
    med = {}
    for lang in set(r['lang'] for r in rows if r['kind'] == 'loo'):
        s = [r['hits'][0][1] for r in rows if r['kind'] == 'loo' and r['order'] < 800 and r['lang'] == lang and right(r)]
        if s:
            med[lang] = float(np.median(s))
    return [r for r in rows if r['kind'] == 'gen' and r['lang'] in med and r['hits'][0][1] < med[r['lang']]]


def sig(z):
    return 1 / (1 + np.exp(-z))


def equal_precision(wts, rows, kinds, target=None):
    """(c) a logit offset per language so that the language's precision at the threshold over the given kinds of
    rows is English's (or the target), the largest such offset (most coverage) on a 0.05 grid from -3 to 3"""
    rs = [r for r in rows if r['kind'] in kinds]
    X = np.array([feats(r['hits']) for r in rs]); y = np.array([right(r) for r in rs]); L = np.array([r['lang'] for r in rs])
    z = X @ wts

    def prec(m, d):
        a = m & (sig(z + d) >= THRESHOLD)
        return y[a].mean() if a.any() else 1.0
    t = prec(L == 'en', 0) if target is None else target
    off = {}
    for lang in LANGS[1:]:
        ds = [d for d in np.arange(-3, 3.001, 0.05) if prec(L == lang, d) >= t]
        off[lang] = round(float(max(ds)), 2) if ds else -3.0
    return off


def conf(wts, r, off=None):
    return sig(np.dot(wts, feats(r['hits'])) + (off or {}).get(r['lang'], 0))


GENERIC = [
    ('today', {}, None),
    ('1: generic, all of the uncovered weight', dict(gen=1.0), None),
    ('1: generic, half', dict(gen=0.5), None),
    ('2: stripped, re-embedded, all', dict(strip=1.0), None),
    ('2: stripped, re-embedded, half', dict(strip=0.5), None),
    ('2: stripped, embedding kept, all', dict(strip=1.0, strip_kind='lswt'), None),
    ('3: generic half + stripped half', dict(gen=0.5, strip=0.5), None),
    ('3: generic 1/3 + stripped 1/3 + today 1/3', dict(gen=1 / 3, strip=1 / 3), None),
    ('3: generic half + stripped (kept emb.) half', dict(gen=0.5, strip=0.5, strip_kind='lswt'), None),
]
VARIANTS = [
    ('today', {}, None),
    ('a: sentences, weight 0.5', dict(sent=0.5), None),
    ('a: sentences, weight 1', dict(sent=1.0), None),
    ('a: sentences, weight 2', dict(sent=2.0), None),
    ('a: sentences 1, uncovered from sentences', dict(sent=1.0, neg_sent=1.0), None),
    ('a: sentences 0.5, uncovered half from sentences', dict(sent=0.5, neg_sent=0.5), None),
    ('b: other-language, weight 0.5', dict(xl=0.5), None),
    ('b: other-language, weight 1', dict(xl=1.0), None),
    ('b: other-language, weight 2', dict(xl=2.0), None),
    ('a+b: 1 and 1', dict(sent=1.0, xl=1.0), None),
    ('c: equal precision to English, on questions', {}, (('loo',), None)),
    ('c: precision 95 %, on questions', {}, (('loo',), 0.95)),
    ('c: equal precision to English, on sentences', {}, (('sent', 'slao'), None)),
    ('a 1 + c: equal precision, on questions', dict(sent=1.0), (('loo',), None)),
]


def main():
    generic = '--generic' in sys.argv
    if generic:
        sys.argv.remove('--generic')
    web = load(sys.argv[1])
    texts = {c['id']: c['text'] for c in map(json.loads, open(sys.argv[2]))}
    cases = [r for r in web if r['kind'].endswith('.jsonl')]
    for r in cases:
        r['half'] = int(hashlib.sha256(texts[r['id']].encode()).hexdigest(), 16) % 2
    others = [(name, load(path)) for name, path in zip(('CLINC150 val', 'Bitext'), sys.argv[3:5])]
    for kind in ('loo', 'lao', 'lsw', 'lswt', 'gen', 'gen kept', 'webshop-shuffled.jsonl') if generic else ():
        print('%-24s' % kind, end='')
        for lang in LANGS:
            rs = generic_kept(web) if kind == 'gen kept' else [r for r in web if r['kind'] == kind]
            rs = [r for r in rs if r['lang'] == lang]
            if kind.endswith('.jsonl'):
                rs = [r for r in rs if r['art'] != '-']
            print(' | %s n=%d %.2f, %.2f' % (lang, len(rs), np.mean([r['hits'][0][1] for r in rs]) if rs else 0,
                                           np.mean([r['hits'][0][3] for r in rs]) if rs else 0), end='')
        print()
    for name, kw, c in GENERIC if generic else VARIANTS:
        X, y, w, L = training(web, **kw)
        wts = fit(X, y, w)
        off = equal_precision(wts, web, *c) if c else None
        for h in (0, 1):
            cells = []
            for lang in LANGS:
                sel = [r for r in cases if r['half'] == h and r['lang'] == lang]
                ans = [r for r in sel if r['art'] != '-']
                a = [r for r in ans if conf(wts, r, off) >= THRESHOLD]
                oos = sum(conf(wts, r, off) >= THRESHOLD for r in sel if r['art'] == '-')
                cells.append('%s %5.1f/%5.1f %d' % (lang, 100 * len(a) / len(ans), 100 * sum(map(right, a)) / max(1, len(a)), oos))
            print('%-48s half %d  %s  %s' % (name, h, ' | '.join(cells), off or ''))
        for other, rows in others:
            if c:
                continue  # one language: (c) changes nothing
            Xo, yo, wo, _ = training(rows, **kw)
            wo = fit(Xo, yo, wo)
            sel = [r for r in rows if r['kind'].endswith('.jsonl') and r['kind'] != 'other']
            cc = np.array([conf(wo, r) for r in sel]); ans = np.array([r['art'] != '-' for r in sel])
            ok = np.array([right(r) for r in sel]); a = cc >= THRESHOLD
            line = '%-48s %-13s coverage %.1f %%, precision %.1f %%' % (name, other, 100 * a[ans].mean(), 100 * ok[a & ans].mean())
            if (~ans).any():
                cut = np.sort(cc[ans])[::-1][int(0.8 * ans.sum())]
                line += ', out of scope answered %d of %d (at 80 %% coverage %d)' % ((a & ~ans).sum(), (~ans).sum(), ((cc >= cut) & ~ans).sum())
            print(line)


if __name__ == '__main__':
    main()
