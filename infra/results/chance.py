"""Chance levels of the ten metrics on a catalog's test split: random rankings and random scores (Monte Carlo). Usage: chance.py CATALOG_DIR"""
import csv, random, sys
rows = [r for r in csv.DictReader(open(sys.argv[1] + '/tracks.csv')) if r['split'] == 'test']
tags = [set(t for t in r['tags'].split(';') if t) for r in rows]
vocab = sorted(set().union(*tags))
n = len(rows); rnd = random.Random(7); trials = 2000
acc = {k: 0.0 for k in ['R@1', 'R@2', 'R@4', 'R@8', 'M@1', 'M@4', 'M@7', 'M@10']}
for _ in range(trials):
    ranks = {}
    for i in range(n):
        others = [j for j in range(n) if j != i]; rnd.shuffle(others); ranks[i] = others
    q = [i for i in range(n) if tags[i]]
    for K in (1, 2, 4, 8):
        acc['R@%d' % K] += sum(len(tags[i] & set().union(*[tags[j] for j in ranks[i][:K]])) / len(tags[i]) for i in q) / len(q)
    for K in (1, 4, 7, 10):
        per_tag = []
        for t in vocab:
            vals = []
            for i in q:
                if t not in tags[i]: continue
                hits = 0; s = 0.0
                for k, j in enumerate(ranks[i][:K], 1):
                    if t in tags[j]: hits += 1; s += hits / k
                vals.append(s / K)
            if vals: per_tag.append(sum(vals) / len(vals))
        acc['M@%d' % K] += sum(per_tag) / len(per_tag)
res = {k: round(100 * v / trials, 1) for k, v in acc.items()}
res['ROC-AUC'] = 50.0
res['PR-AUC (≈ mean prevalence)'] = round(100 * sum(sum(t in s for s in tags) / n for t in vocab) / len(vocab), 1)
print(res)
ap_total = 0.0
for _ in range(trials):
    aps = []
    for t in vocab:
        y = [t in s for s in tags]; order = list(range(n)); rnd.shuffle(order)
        hits = 0; s = 0.0
        for k, i in enumerate(order, 1):
            if y[i]: hits += 1; s += hits / k
        aps.append(s / sum(y))
    ap_total += sum(aps) / len(aps)
print('PR-AUC random scores', round(100 * ap_total / trials, 1))
