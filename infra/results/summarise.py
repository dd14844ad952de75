"""Per-run losses and metrics of the grid, as a CSV (docs/results/runs.csv) and a Markdown table."""
import csv, json, os, sys, glob
data = sys.argv[1]; out = sys.argv[2]
rows = []
for run in sorted(glob.glob(os.path.join(data, 'runs', '*'))):
    rj = os.path.join(run, 'run.json')
    if not os.path.isdir(run) or not os.path.exists(rj):
        continue
    r = json.load(open(rj))
    h = r.get('history', [])
    last = h[-1] if h else None
    res = os.path.join(run, 'results.json')
    m = json.load(open(res))['metrics'] if os.path.exists(res) else {}
    rows.append({
        'run': os.path.basename(run), 'variant': r['variant'], 'fraction': r['labelFraction'], 'seed': r['seed'],
        'status': r.get('status'), 'epochs': len(h), 'lambda': r.get('lambda'),
        'train L': last and round(last['training']['total'], 4),
        'valid L': last and round(last['validation']['total'], 4),
        'valid L_ML': last and round(last['validation']['metricLearning'], 4),
        'valid L_SSL': last and round(last['validation']['selfSupervised'], 4),
        'epoch s': last and round(last['seconds'], 1),
        **{k: (round(v, 1) if v is not None else None) for k, v in m.items()}})
keys = list(rows[0].keys()) if rows else []
for r in rows:
    for k in r:
        if k not in keys: keys.append(k)
with open(out, 'w', newline='') as f:
    w = csv.DictWriter(f, keys); w.writeheader(); w.writerows(rows)
print('| ' + ' | '.join(keys) + ' |'); print('|' + '---|' * len(keys))
for r in rows:
    print('| ' + ' | '.join('' if r.get(k) is None else str(r.get(k)) for k in keys) + ' |')
