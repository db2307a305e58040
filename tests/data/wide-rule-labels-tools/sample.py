#!/usr/bin/env python3
"""Draw the 40 docs of the wide rule-label oracle from /work/shared/corpus-wide.

Procedure (rerun `python3 sample.py` to print the same 40; build_labels.py and check.py call draw()):
1. Population: every `<folder>/<lang>/<Api>.md` under corpus-wide (SOURCES.md is not a doc), sorted by path.
   A folder ending in `-roa` holds REST-style (ROA) docs, the others RPC docs. The product of a doc is its
   folder without the `-roa` suffix.
2. `random.seed(20261207)`.
3. Style quotas in proportion to the population: n_roa = round(40 * #roa / #all), n_rpc = 40 - n_roa.
4. For each style, RPC first, then ROA: take the sorted folder list of that style and shuffle it; then, in
   that shuffled folder order, shuffle each folder's sorted doc list. Draw round-robin: round k takes the
   k-th doc of every folder in the shuffled order, until the style's quota is met. A folder that has run
   out of docs is skipped. A doc listed in EXCLUDED is skipped (its folder's next doc is used instead).
5. The sample is the 40 drawn docs, sorted by path.

Round-robin over folders gives every product at least one doc before any product gets a second one, so
the sample covers many products (25 here) instead of following the size of the big ones (vod, elasticsearch).
"""
import os, random

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..', 'shared', 'corpus-wide'))
SEED = 20261207
N = 40

# Docs that are drawn but are not API references (no request parameter table). Path -> reason.
# None of the drawn docs needed it: every drawn doc has a request-parameter table.
EXCLUDED = {}


def population():
    docs = []
    for folder in sorted(os.listdir(CORPUS)):
        p = os.path.join(CORPUS, folder)
        if not os.path.isdir(p):
            continue
        for lang in sorted(os.listdir(p)):
            for f in sorted(os.listdir(os.path.join(p, lang))):
                if f.endswith('.md'):
                    docs.append(f'{folder}/{lang}/{f}')
    return docs


def style(doc):
    return 'roa' if doc.split('/')[0].endswith('-roa') else 'rpc'


def product(doc):
    f = doc.split('/')[0]
    return f[:-4] if f.endswith('-roa') else f


def draw():
    docs = population()
    random.seed(SEED)
    n_roa = round(N * sum(style(d) == 'roa' for d in docs) / len(docs))
    quota = {'rpc': N - n_roa, 'roa': n_roa}
    out = []
    for st in ('rpc', 'roa'):
        folders = sorted({d.split('/')[0] for d in docs if style(d) == st})
        random.shuffle(folders)
        queues = []
        for f in folders:
            q = sorted(d for d in docs if d.split('/')[0] == f)
            random.shuffle(q)
            queues.append(q)
        got = []
        while len(got) < quota[st] and any(queues):
            for q in queues:
                while q and q[0] in EXCLUDED:
                    q.pop(0)
                if q and len(got) < quota[st]:
                    got.append(q.pop(0))
        out += got
    return docs, sorted(out)


if __name__ == '__main__':
    docs, sample = draw()
    pops = {}
    for d in docs:
        pops.setdefault(style(d), 0)
        pops[style(d)] += 1
    print('population', len(docs), pops, 'products', len({product(d) for d in docs}))
    print('sample', len(sample), 'roa', sum(style(d) == 'roa' for d in sample),
          'products', len({product(d) for d in sample}))
    for d in sample:
        print(' ', d)
