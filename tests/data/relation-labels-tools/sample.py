#!/usr/bin/env python3
"""Candidate selection + sampling for relation labels (see brief / FORMAT.md).

Parses the first table under the request-parameters heading of every doc of
ess, cbwp, smartag, cms, nas, and finds rows whose description mentions another
request parameter's name (whole word, case-sensitive), or its last dotted
segment (len >= 4) when the name is dotted.

Usage: python3 sample.py            -> prints population and writes sample.json
       import sample; sample.parse_doc(path) -> list of row dicts
"""
import json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, '..', '..', '..', '..', 'shared', 'corpus')
PRODUCTS = ['ess', 'cbwp', 'smartag', 'cms', 'nas']
SEED = 20261130
N = 60

REQ_HEAD = re.compile(r'^##\s+(请求参数|request\s+p(a)?rameters)(\s*\{[^}]*\})?\s*$', re.I)


def unescape(s):
    return re.sub(r'\\(.)', r'\1', s)


def count_pipes(s):
    # unescaped pipes
    return len(re.findall(r'(?<!\\)\|', s))


def split_cells(text, ncols):
    # split on unescaped pipes; first char is the leading pipe
    parts = re.split(r'(?<!\\)\|', text)
    # parts[0] is before leading pipe (empty), last is after closing pipe
    inner = parts[1:]
    if inner and inner[-1].strip() == '':
        inner = inner[:-1]
    if len(inner) > ncols:
        inner = inner[:ncols - 1] + ['|'.join(inner[ncols - 1:])]
    return inner


def parse_doc(path):
    """Return list of rows: {line, name, raw_name, desc, text (full raw row text)}"""
    lines = open(path, encoding='utf-8').read().split('\n')
    i = 0
    while i < len(lines) and not REQ_HEAD.match(lines[i]):
        i += 1
    if i == len(lines):
        return []
    i += 1
    while i < len(lines) and not lines[i].startswith('|'):
        if lines[i].startswith('#'):
            return []
        i += 1
    header = lines[i]
    hcells = [c.strip() for c in split_cells(header, 99)]
    ncols = len(hcells)
    i += 1
    if i < len(lines) and re.match(r'^\|[\s:\-|]+\|\s*$', lines[i]):
        i += 1
    rows = []
    while i < len(lines):
        if not lines[i].startswith('|'):
            break
        start = i
        buf = [lines[i]]
        while True:
            joined = '\n'.join(buf)
            if buf[-1].rstrip().endswith('|') and count_pipes(joined) >= ncols + 1:
                break
            i += 1
            if i >= len(lines):
                break
            buf.append(lines[i])
        i += 1
        text = '\n'.join(buf)
        cells = split_cells(text, ncols)
        raw_name = cells[0].strip()
        desc = cells[-1] if len(cells) >= ncols else ''
        rows.append({'line': start + 1, 'raw_name': raw_name,
                     'name': unescape(raw_name).strip().strip('\u00a0').strip(),
                     'desc': desc, 'text': text})
    return rows


def variants(name):
    """Strings that count as a mention of request parameter `name`."""
    v = {name}
    segs = name.split('.')
    for rep in ('N', 'n', '1'):
        v.add('.'.join(rep if (s in ('N', 'n') or s.isdigit()) else s for s in segs))
    # base name without trailing index (InstanceId.N -> InstanceId)
    if len(segs) > 1 and (segs[-1] in ('N', 'n') or segs[-1].isdigit()):
        v.add('.'.join(segs[:-1]))
    # last dotted segment (ignoring N/n/digit segments), if dotted and len >= 4
    if len(segs) > 1:
        real = [s for s in segs if s not in ('N', 'n') and not s.isdigit()]
        if real and len(real[-1]) >= 4:
            v.add(real[-1])
    return {x for x in v if x}


def mention_re(s):
    return re.compile(r'(?<![A-Za-z0-9_])' + re.escape(s) + r'(?![A-Za-z0-9_])')


def candidates():
    out = []
    for p in PRODUCTS:
        for lang in sorted(os.listdir(os.path.join(CORPUS, p))):
            d = os.path.join(CORPUS, p, lang)
            for f in sorted(os.listdir(d)):
                if not f.endswith('.md'):
                    continue
                rel = f'{p}/{lang}/{f}'
                rows = parse_doc(os.path.join(d, f))
                names = [r['name'] for r in rows]
                for r in rows:
                    desc_u = unescape(r['desc'])
                    hits = []
                    for o in names:
                        if o == r['name']:
                            continue
                        for v in sorted(variants(o)):
                            if v == r['name']:
                                continue
                            if mention_re(v).search(desc_u):
                                hits.append((o, v))
                                break
                    if hits:
                        out.append({'doc': rel, 'line': r['line'], 'param': r['name'],
                                    'raw_param': r['raw_name'], 'mentions': hits})
    return out


if __name__ == '__main__':
    cands = candidates()
    keys = sorted((c['doc'], c['line']) for c in cands)
    random.seed(SEED)
    samp = random.sample(keys, N)
    byk = {(c['doc'], c['line']): c for c in cands}
    print('population', len(keys))
    res = [byk[k] for k in samp]
    json.dump(cands, open(os.path.join(HERE, 'candidates.json'), 'w'), ensure_ascii=False, indent=0)
    json.dump({'seed': SEED, 'population': len(keys), 'sample': res},
              open(os.path.join(HERE, 'sample.json'), 'w'), ensure_ascii=False, indent=1)
    for c in res:
        print(c['doc'], c['line'], c['param'], c['mentions'])
