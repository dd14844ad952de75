"""Markdown for docs/results.md from report.csv: the table (mean and interval over seeds, best in
bold per fraction), the series per fraction and the G − A gap."""
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
M = ['R@1', 'R@2', 'R@4', 'R@8', 'M@1', 'M@4', 'M@7', 'M@10', 'ROC-AUC', 'PR-AUC']
names = {'A': 'A (supervised only)', 'G': 'G (c+p, α 1)', 'CLMR': 'CLMR (frozen)'}
fr = sorted({float(r['labelFraction']) for r in rows}, reverse=True)
def f(x): return '%.1f' % float(x)
def pct(x): return ('%g' % (100 * x)) + ' %'
print('| labels | model | seeds | ' + ' | '.join(M) + ' |')
print('|---|---|---:|' + '---:|' * len(M))
for x in fr:
    grp = [r for r in rows if float(r['labelFraction']) == x]
    grp.sort(key=lambda r: ['A', 'G', 'CLMR'].index(r['variant']))
    best = {m: max(float(f(r[m + ' mean'])) for r in grp) for m in M}
    for r in grp:
        cells = []
        for m in M:
            v = f(r[m + ' mean'])
            s = v if r['seeds'] == '1' else '%s [%s, %s]' % (v, f(r[m + ' low']), f(r[m + ' high']))
            cells.append('**%s**' % s if float(v) == best[m] else s)
        print('| %s | %s | %s | %s |' % (pct(x), names[r['variant']], r['seeds'], ' | '.join(cells)))
print()
print('Series (mean over seeds) and the gap G − A, per label fraction:')
print()
print('| metric | ' + ' | '.join('A %s' % pct(x) for x in fr) + ' | ' + ' | '.join('G %s' % pct(x) for x in fr)
      + ' | ' + ' | '.join('CLMR %s' % pct(x) for x in fr) + ' | ' + ' | '.join('G − A %s' % pct(x) for x in fr) + ' |')
print('|---|' + '---:|' * (4 * len(fr)))
get = {(r['variant'], float(r['labelFraction'])): r for r in rows}
for m in M:
    cells = []
    for v in ['A', 'G', 'CLMR']:
        cells += [f(get[(v, x)][m + ' mean']) if (v, x) in get else '' for x in fr]
    cells += ['%+.1f' % (float(get[('G', x)][m + ' mean']) - float(get[('A', x)][m + ' mean']))
              if ('G', x) in get and ('A', x) in get else '' for x in fr]
    print('| %s | %s |' % (m, ' | '.join(cells)))
