#!/usr/bin/env python3
"""Request-parameter rows of a corpus-wide doc, for labelling and checking (not part of the generator).

Tables read: every pipe table in the request section (`## 请求参数` / `## Request parameters`, any case,
optional `{...}` suffix) and in a following `## RequestBody` section, up to the next other H2.
- A table starts at a line whose left-stripped text begins with `|` (tables may be indented, as in sls).
  Its header runs up to the separator row (`|--|:--|...`); the number of columns is the number of
  cells in the separator row (header cells may sit on separate lines, as in elasticsearch body tables).
- A row starts at a line beginning with `|` and ends at the first line whose right-trimmed text ends
  with `|` once the row holds at least ncols+1 unescaped pipes (doc-format.md 2.3). The last column
  takes any extra pipes.
- The name is the first cell with markdown escapes removed, NBSP and a leading `└` stripped. Rows with
  an empty name (the nameless body row of mse) are kept with name ''.
- The example is the cell of the column whose header contains 示例 or Example (None without one).

Usage: python3 docparse.py <doc relative to corpus-wide>   -> prints the rows
"""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..', 'shared', 'corpus-wide'))

REQ_HEAD = re.compile(r'^##\s+(请求参数|request\s+p(a)?rameters)(\s*\{[^}]*\})?\s*$', re.I)
BODY_HEAD = re.compile(r'^##\s+RequestBody(\s*\{[^}]*\})?\s*$')
SEP = re.compile(r'^\s*\|[\s:\-|]+\|\s*$')


def unescape(s):
    return re.sub(r'\\(.)', r'\1', s)


def pipes(s):
    return len(re.findall(r'(?<!\\)\|', s))


def cells(text, ncols):
    parts = re.split(r'(?<!\\)\|', text.strip())
    inner = parts[1:]
    if inner and inner[-1].strip() == '':
        inner = inner[:-1]
    if len(inner) > ncols:
        inner = inner[:ncols - 1] + ['|'.join(inner[ncols - 1:])]
    return inner


def clean_name(c):
    return unescape(c).replace('\u00a0', ' ').strip().lstrip('└').strip()


def lines_of(doc):
    return open(os.path.join(CORPUS, doc), encoding='utf-8').read().split('\n')


def request_rows(doc):
    """[{line, name, raw_name, type, example, text, table}] for every row of the request tables."""
    L = lines_of(doc)
    spans, i = [], 0
    while i < len(L):
        if REQ_HEAD.match(L[i]) or (BODY_HEAD.match(L[i]) and spans and spans[-1][1] == i):
            j = i + 1
            while j < len(L) and not re.match(r'^##\s', L[j]):
                j += 1
            spans.append((i + 1, j))
            i = j
        else:
            i += 1
    rows, tno = [], 0
    for a, b in spans:
        i = a
        fence = False
        while i < b:
            s = L[i].strip()
            if s.startswith('```'):
                fence = not fence
                i += 1
                continue
            if fence or not s.startswith('|'):
                i += 1
                continue
            # table: header lines up to the separator row
            h = i
            while h < b and not SEP.match(L[h]):
                h += 1
            if h >= b:
                break
            ncols = len(cells(L[h], 99))
            header = [clean_name(c) for c in cells('\n'.join(L[i:h]).replace('\n', ' '), ncols)]
            ex_idx = next((k for k, c in enumerate(header) if '示例' in c or 'example' in c.lower()), None)
            ty_idx = next((k for k, c in enumerate(header) if '类型' in c or c.lower() == 'type'), 1)
            tno += 1
            i = h + 1
            while i < b and L[i].strip().startswith('|'):
                start, buf = i, [L[i]]
                while not (buf[-1].rstrip().endswith('|') and pipes('\n'.join(buf)) >= ncols + 1):
                    i += 1
                    if i >= b:
                        break
                    buf.append(L[i])
                i += 1
                text = '\n'.join(buf)
                cs = cells(text, ncols)
                ex = None
                if ex_idx is not None and ex_idx < len(cs):
                    ex = unescape(cs[ex_idx]).replace('\u00a0', ' ').strip()
                rows.append({'line': start + 1, 'raw_name': cs[0].strip() if cs else '',
                             'name': clean_name(cs[0]) if cs else '',
                             'type': clean_name(cs[ty_idx]) if ty_idx < len(cs) else '',
                             'example': ex, 'text': text, 'table': tno})
    return rows


def request_example_block(doc):
    """Text of the first code block after a request-example label (请求示例 / Request example / Sample request(s))."""
    L = lines_of(doc)
    for i, l in enumerate(L):
        if re.search(r'请求示例|request example|sample requests?\b', l, re.I) and not l.startswith('#'):
            j = i + 1
            while j < len(L) and not L[j].strip().startswith('```'):
                j += 1
            k = j + 1
            while k < len(L) and not L[k].strip().startswith('```'):
                k += 1
            return '\n'.join(L[j + 1:k])
    return ''


def query_examples(doc):
    """{name: [values]} from `?Name=value` / `&Name=value` pairs of the request example, verbatim."""
    out = {}
    for m in re.finditer(r'[?&]\s*([A-Za-z][\w.]*)=([^&\n]*)', request_example_block(doc)):
        v = re.split(r'\sHTTP/\d', m.group(2))[0].strip()
        out.setdefault(m.group(1), []).append(v)
    return out


if __name__ == '__main__':
    for r in request_rows(sys.argv[1]):
        print(r['line'], r['table'], repr(r['name']), r['type'], repr(r['example']))
    print(query_examples(sys.argv[1]))
