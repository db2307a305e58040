#!/usr/bin/env python3
"""Validate ../wide-rule-labels.json against the docs and print per-kind counts.

Checks:
- the sample: the label file lists exactly the docs sample.py's procedure draws
  (docs without rules included);
- every rule: known kind, the fields its kind needs, `param` a request parameter of the doc, `other` /
  `also[].param` / `when.param` request parameters of the doc;
- `sentence`, `sentence2` and `more_sentences` are exact substrings (markdown escapes kept) of the row's raw text
  when `line` is the start line of the parameter's row, otherwise of the doc line at `line`;
- `examples` occur in the doc (verbatim, or in the text with markdown escapes removed);
- the doc's own examples against the rule: a checkable rule that rejects an example must carry
  `contradicted_by_example` with that value, and a recorded contradiction must be one the check finds.
Exit status 1 on any error.
"""
import collections, ipaddress, json, os, re, sys, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import docparse, sample  # noqa: E402

LABELS = json.load(open(os.path.join(HERE, '..', 'wide-rule-labels.json'), encoding='utf-8'))

SINGLE = {'enum', 'default', 'length', 'range', 'forbidden', 'prefix_forbidden', 'chars', 'ascii', 'format',
          'json', 'items', 'multi_value', 'unique', 'not_empty', 'forbidden_substrings', 'range_when'}
RELATION = {'no_overlap', 'mutually_exclusive', 'requires', 'required_when', 'at_least_one_of', 'applies_when',
            'ordered', 'different_from', 'other'}
NEEDS = {
    'enum': ['values'], 'format': ['values'], 'forbidden': ['values'], 'prefix_forbidden': ['values'],
    'forbidden_substrings': ['values'], 'default': ['value'], 'length': ['min', 'max'], 'range': ['min', 'max'],
    'items': ['min', 'max'], 'multi_value': ['separator', 'max'], 'json': ['min', 'max'], 'chars': ['allowed'],
    'range_when': ['cases'], 'required_when': ['value', 'negated', 'also'], 'applies_when': ['value', 'negated', 'also'],
    'ordered': ['op', 'max_span_secs'],
}
NEEDS_OTHER = RELATION - {'other'} | {'range_when'}

errors = 0


def bad(msg):
    global errors
    errors += 1
    print('ERROR', msg)


# ---- sample
population, drawn = sample.draw()
if LABELS['docs'] != drawn:
    bad('the label file does not list exactly the docs sample.py draws')
if LABELS['population'] != len(population) or LABELS['seed'] != sample.SEED:
    bad('population size or seed differs from sample.py')
if len(set(LABELS['docs'])) != 40:
    bad(f"{len(set(LABELS['docs']))} docs, expected 40")

rows_cache, lines_cache = {}, {}


def rows(doc):
    if doc not in rows_cache:
        rows_cache[doc] = docparse.request_rows(doc)
        lines_cache[doc] = docparse.lines_of(doc)
    return rows_cache[doc]


# ---- contradiction checks (only for kinds whose meaning is mechanical)
def letters_class(allowed):
    out = []
    for a in allowed:
        out.append({'letters': 'A-Za-z', 'lowercase letters': 'a-z', 'digits': '0-9'}.get(a, re.escape(a)))
    return '[' + ''.join(out) + ']'


def rejects(rule, ex, multi):
    """True if the rule rejects example `ex`; None if the check does not apply."""
    k = rule['kind']
    if rule.get('applies_to') and rule['applies_to'] != 'each comma-separated value':
        return None
    pieces = ex.split(multi['separator']) if (multi and rule.get('applies_to')) else [ex]
    if k == 'enum':
        return any(p not in rule['values'] for p in pieces)
    if k == 'range':
        try:
            vals = [float(p) for p in pieces]
        except ValueError:
            return None
        lo, hi = rule['min'], rule['max']
        for v in vals:
            if lo is not None and (v < lo or (rule.get('min_exclusive') and v == lo)):
                return True
            if hi is not None and (v > hi or (rule.get('max_exclusive') and v == hi)):
                return True
            if rule.get('step') and v % rule['step']:
                return True
        return False
    if k == 'length':
        n = len(ex.encode('utf-8')) if rule.get('unit') == 'bytes' else len(ex)
        return (rule['min'] is not None and n < rule['min']) or (rule['max'] is not None and n > rule['max'])
    if k == 'prefix_forbidden':
        return any(ex.startswith(v) for v in rule['values'])
    if k == 'forbidden_substrings':
        return any(v in ex for v in rule['values'])
    if k == 'forbidden':
        return ex in rule['values']
    if k == 'not_empty':
        return ex == ''
    if k == 'ascii':
        return not ex.isascii()
    if k == 'multi_value':
        return rule['max'] is not None and len(ex.split(rule['separator'])) > rule['max']
    if k == 'chars':
        cls = letters_class(rule['allowed'])
        if not re.fullmatch(cls + '*', ex):
            return True
        if rule.get('first') and ex and not re.match(letters_class(rule['first']), ex):
            return True
        return False
    if k == 'json' or (k == 'format' and rule['values'] == ['json']):
        try:
            json.loads(ex)
            return False
        except ValueError:
            return True
    if k == 'format':
        f = rule['values'][0]
        if f == 'datetime':
            return not re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ', ex)
        if f == 'date':
            return not re.fullmatch(r'\d{4}-\d\d-\d\d', ex)
        if f == 'ip':
            try:
                ipaddress.ip_address(ex)
                return False
            except ValueError:
                return True
        if f == 'port':
            return not (ex.isdigit() and 0 <= int(ex) <= 65535)
        if f == 'url':
            return not re.match(r'https?://', ex)
        if f == 'unix_timestamp':
            return not ex.isdigit()
    return None


kinds_seen = collections.Counter()
doubt_seen = collections.Counter()
contradicted = []
per_doc = collections.Counter()
for q in LABELS['rules']:
    doc = q['doc']
    where = f"{doc}:{q['line']} {q['param']} {q['kind']}"
    if doc not in LABELS['docs']:
        bad(f'{where}: doc not in the sample')
        continue
    rr = rows(doc)
    names = {r['name'] for r in rr}
    k = q['kind']
    kinds_seen[k] += 1
    per_doc[doc] += 1
    if 'doubtful' in q:
        doubt_seen[k] += 1
    if k not in SINGLE | RELATION:
        bad(f'{where}: unknown kind')
    for f in NEEDS.get(k, []):
        if f not in q:
            bad(f'{where}: missing field {f}')
    if k in NEEDS_OTHER and not q.get('other'):
        bad(f'{where}: relation without other')
    if k in SINGLE - {'range_when'} and q.get('other') is not None:
        bad(f'{where}: single-parameter kind with other')
    if q['param'] not in names:
        bad(f'{where}: param is not a request parameter of the doc')
    row = next((r for r in rr if r['line'] == q['line']), None)
    if row is not None:
        if row['name'] != q['param']:
            bad(f"{where}: the row at that line is {row['name']!r}")
        text = row['text']
    else:
        text = lines_cache[doc][q['line'] - 1]
    for s in [q['sentence']] + ([q['sentence2']] if q.get('sentence2') else []) + q.get('more_sentences', []):
        if s not in text:
            bad(f'{where}: sentence not found: {s!r}')
    others = q['other'] if isinstance(q.get('other'), list) else ([q['other']] if q.get('other') else [])
    others += [a['param'] for a in q.get('also', [])]
    if q.get('when'):
        others.append(q['when']['param'])
    for o in others:
        if o not in names:
            bad(f'{where}: other {o!r} is not a request parameter of the doc')
    full = '\n'.join(lines_cache[doc])
    for ex in q.get('examples', []):
        if ex not in full and ex not in docparse.unescape(full):
            bad(f'{where}: example {ex!r} does not occur in the doc')
    # contradictions
    multi = next((m for m in LABELS['rules'] if m['doc'] == doc and m['param'] == q['param']
                  and m['kind'] == 'multi_value'), None)
    found = []
    for ex in q.get('examples', []):
        if rejects(q, urllib.parse.unquote(ex), multi):
            found.append(ex)
    rec = q.get('contradicted_by_example')
    if rec is not None:
        if rec not in found:
            bad(f'{where}: recorded contradiction {rec!r} is not found by the check')
        contradicted.append((where, rec))
    for ex in found:
        if ex != rec:
            bad(f'{where}: example {ex!r} contradicts the rule but is not recorded')

for n in LABELS.get('not_labelled', []):
    if n['doc'] not in LABELS['docs'] or n['param'] not in {r['name'] for r in rows(n['doc'])}:
        bad(f'not_labelled entry {n} does not name a request parameter of a sampled doc')

# ---- report
total, dtotal = sum(kinds_seen.values()), sum(doubt_seen.values())
print(f"population {LABELS['population']} docs {LABELS['population_by_style']}; sample {len(LABELS['docs'])} docs "
      f"({sum(sample.style(d) == 'roa' for d in LABELS['docs'])} ROA) from "
      f"{len({sample.product(d) for d in LABELS['docs']})} products")
print(f'rules {total} ({total - dtotal} without doubtful); docs with rules {len(per_doc)}, '
      f'docs without rules {len(LABELS["docs"]) - len(per_doc)}')
print('kind                  all  strict')
for k in sorted(SINGLE | RELATION, key=lambda k: (-kinds_seen[k], k)):
    print(f'  {k:20} {kinds_seen[k]:4} {kinds_seen[k] - doubt_seen[k]:6}')
print('contradicted by the doc\'s own example:')
for w, ex in contradicted:
    print('  ', w, repr(ex)[:80])
print('OK' if not errors else f'{errors} errors')
sys.exit(1 if errors else 0)
