#!/usr/bin/env python3
import os
HERE = os.path.dirname(os.path.abspath(__file__))
"""Validate relation-labels.json: sentences are substrings of the row text, `other`
(and also/when params) are request params of the doc, params/lines match rows,
every sampled row is accounted for (>=1 rule or an excluded entry)."""
import json, sys, collections
sys.path.insert(0, HERE)
import sample

L = json.load(open(os.path.join(HERE, '..', 'relation-labels.json')))
err = 0
cache = {}
def rows_of(doc):
    if doc not in cache:
        cache[doc] = {r['line']: r for r in sample.parse_doc(sample.CORPUS + '/' + doc)}
    return cache[doc]

def bad(msg):
    global err; err += 1; print('ERROR', msg)

KINDS = {'required_when', 'mutually_exclusive', 'requires', 'at_least_one_of', 'ordered', 'range_when',
         'applies_when', 'no_overlap', 'equal_to', 'other'}
assert len(L['rows']) == 60, len(L['rows'])
for q in L['rows']:
    rr = rows_of(q['doc']).get(q['line'])
    if not rr or rr['name'] != q['param']:
        bad(f"row mismatch {q}")
for q in L['rules']:
    rows = rows_of(q['doc']); names = {r['name'] for r in rows.values()}
    rr = rows.get(q['line'])
    if not rr:
        bad(f"no row at {q['doc']}:{q['line']}"); continue
    if rr['name'] != q['param']:
        bad(f"param {q['param']} != {rr['name']}")
    if q['kind'] not in KINDS:
        bad(f"kind {q['kind']}")
    for s in [q['sentence']] + q.get('more_sentences', []):
        if s not in rr['text']:
            bad(f"sentence not in row {q['doc']}:{q['line']}: {s!r}")
    others = q['other'] if isinstance(q['other'], list) else [q['other']]
    others += [a['param'] for a in q.get('also', [])]
    if q.get('when'):
        others.append(q['when']['param'])
    for o in others:
        if o not in names:
            bad(f"other {o!r} not a request param of {q['doc']}")
keys = {(q['doc'], q['line']) for q in L['rows']}
covered = {(q['doc'], q['line']) for q in L['rules'] + L.get('excluded', [])}
for k in keys - covered:
    bad(f"sampled row {k} has neither a rule nor an excluded entry")
for q in L.get('excluded', []):
    if (q['doc'], q['line']) not in keys:
        bad(f"excluded entry for unsampled row {q}")
kc = collections.Counter(q['kind'] for q in L['rules'])
dc = collections.Counter(q['kind'] for q in L['rules'] if 'doubtful' in q)
print('population', L['population'], 'rows', len(L['rows']), 'rules', len(L['rules']),
      'rows with >=1 rule', len({(q['doc'], q['line']) for q in L['rules']}),
      'excluded entries', len(L.get('excluded', [])))
for k, n in kc.most_common():
    print(f'  {k}: {n} ({n - dc[k]} without doubtful)')
print('OK' if not err else f'{err} errors')
sys.exit(1 if err else 0)
