"""Writes schema/views.sql from views.sql.in.

The views spell PyRound/NpRound and the pivots out in plain SQL (no SQL functions exist to call
in a plain sqlite3 shell), which repeats long expressions; this expands the template's markers:
PY1/PY2/PY4[[x]] and NP1/NP2[[x]] (the rounding expressions, tested by SQLRoundingTests) and
{{NAME}} (generated column lists), and %define blocks ({{NAME(rel)}}). Edit views.sql.in, run `python3 scripts/views/generate.py`,
commit both.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

def py(x, scale):
    return f"""(SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / {scale}
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * {scale} - p) + (a - h) * {scale}) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * {scale} AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT ({x}) AS v))))))"""
def np_(x, scale):
    return f"""(SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / {scale}
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * {scale} AS p FROM (SELECT ({x}) AS v)))))"""

P2 = lambda x: py(x, '100.0'); P4 = lambda x: py(x, '10000.0'); P1 = lambda x: py(x, '10.0')
N2 = lambda x: np_(x, '100.0'); N1 = lambda x: np_(x, '10.0')
M = ', '.join(f'm{i}' for i in range(23))
sums = ', '.join(f'sum(m{i}) AS m{i}' for i in range(23))
ext = ',\n       '.join(f"json_extract(a, '$[{i}]') AS m{i}" for i in range(23))
keys = ['default','case','robust','upper_case','lower_case','grammar_robust','syntax_robust','semantic_equal_simple','semantic_equal_neutral','semantic_equal_complex','alter_symbol','constrain','prefix','suffix','wrap','json']
def col(k): return '"' + k + '"'
pivot = ',\n       '.join(f"max(CASE WHEN variant = '{k}' THEN ifr END) AS \"{k}_i\", max(CASE WHEN variant = '{k}' THEN value END) AS \"{k}_v\", max(variant = '{k}') AS \"{k}_has\"" for k in keys)
def I(k): return f'"{k}_i"'
def V(k): return f'"{k}_v"'
def pair(a, b):  # (a + b) / 2 rounded, operands in calc_area's order
    return P2(f'({a} + {b}) / 2.0')
def triple(a, b, c):
    return P2(f'(({a} + {b}) + {c}) / 3.0')
spec = [
  ('D1', I('default'), V('default'), '"default_has"'),
  ('D2', f'CASE WHEN "case_has" THEN "case_i" ELSE {pair(I("lower_case"), I("upper_case"))} END',
         f'CASE WHEN "case_has" THEN "case_v" ELSE {pair(V("lower_case"), V("upper_case"))} END', '("case_has" OR ("lower_case_has" AND "upper_case_has"))'),
  ('D3', f'CASE WHEN "robust_has" THEN "robust_i" ELSE {pair(I("grammar_robust"), I("syntax_robust"))} END',
         f'CASE WHEN "robust_has" THEN "robust_v" ELSE {pair(V("grammar_robust"), V("syntax_robust"))} END', '("robust_has" OR ("grammar_robust_has" AND "syntax_robust_has"))'),
  ('D4', triple(I('semantic_equal_complex'), I('semantic_equal_neutral'), I('semantic_equal_simple')),
         triple(V('semantic_equal_complex'), V('semantic_equal_neutral'), V('semantic_equal_simple')), '("semantic_equal_complex_has" AND "semantic_equal_neutral_has" AND "semantic_equal_simple_has")'),
  ('D5', I('alter_symbol'), V('alter_symbol'), '"alter_symbol_has"'),
  ('F1', I('constrain'), V('constrain'), '"constrain_has"'),
  ('F2', pair(I('lower_case'), I('upper_case')), pair(V('lower_case'), V('upper_case')), '("lower_case_has" AND "upper_case_has")'),
  ('F3', triple(I('prefix'), I('suffix'), I('wrap')), triple(V('prefix'), V('suffix'), V('wrap')), '("prefix_has" AND "suffix_has" AND "wrap_has")'),
  ('F4', I('json'), V('json'), '"json_has"'),
]
def case(idx):
    return 'CASE vc.class\n' + '\n'.join(f"           WHEN '{c[0]}' THEN {c[idx]}" for c in spec) + '\n       END'
classes = f"""SELECT source, ruleset, checkpoint_id, checkpoint, w.dim, task, vc.class, metric, task_position,
       {case(1)} AS ifr,
       {case(2)} AS value
FROM w JOIN variation_class vc ON vc.dim = w.dim
WHERE CASE vc.class
{chr(10).join(f"          WHEN '{c[0]}' THEN {c[3]}" for c in spec)}
      END"""
seq5 = '((((v1 + ifnull(v2, 0.0)) + ifnull(v3, 0.0)) + ifnull(v4, 0.0)) + ifnull(v5, 0.0))'
pv5 = ', '.join(f'max(CASE k WHEN {i} THEN x END) AS v{i}' for i in range(1, 6))
pv11 = ',\n           '.join(', '.join(f'max(CASE i WHEN {i} THEN t_{n} END) AS {p}{i}' for i in range(11)) for n, p in [('ifr','f'),('rps','r'),('one','o')])
def seq11(p):
    s = f'(0.0 + {p}0)'
    for i in range(1, 11): s = f'({s} + {p}{i})'
    return s

cols = [('n','n'),('compliant','compliant'),('wer_errors','wer_errors'),('wer_ref_words','wer_ref_words'),('bleu_hyp_len','bleu_hyp_len'),('bleu_ref_len','bleu_ref_len')] + [(f'bleu_correct{i}', f'c{i}') for i in range(1,5)] + [(f'bleu_total{i}', f't{i}') for i in range(1,5)] + [('acc_correct','acc_correct'),('acc_counted','acc_counted'),('pending','pending'),('meteor_segments','meteor_segments')] + [(f'm{i}', f'm{i}') for i in range(23)]
sums_g = ', '.join(f'sum({a}) AS {b}' for a, b in cols)
sums_m = ', '.join(f'sum(m.m{i}) AS m{i}' for i in range(23))
sql = open(os.path.join(HERE, 'views.sql.in')).read()
# Shared query fragments: `-- %define NAME` … `-- %end` defines NAME (dropped from the output);
# {{NAME(rel)}} expands it with @REL@ replaced by rel, so two views can run the same SQL over
# different relations (a view, or a CTE another view computes once).
defs = {}
def define(m):
    defs[m.group(1)] = m.group(2)
    return ''
sql = re.sub(r'-- %define (\w+)\n(.*?)-- %end\n\n?', define, sql, flags=re.S)
sql = re.sub(r'\{\{(\w+)\((\w+)\)\}\}', lambda m: defs[m.group(1)].rstrip('\n').replace('@REL@', m.group(2)), sql)
for name, val in dict(PU5=', '.join(f'max(CASE q WHEN {i} THEN y END) AS u{i}' for i in range(1, 6)), SEQ5U=seq5.replace('v', 'u'), TCOLS=', '.join(f't.{a}' for a, b in cols), SUMS_G=sums_g, SUMS_M=sums_m, M=M, SUMS=sums, EXT=ext, PIVOT=pivot, CLASSES=classes, SEQ5=seq5, PV5=pv5, PV11=pv11, SEQ11_f=seq11('f'), SEQ11_r=seq11('r'), SEQ11_o=seq11('o')).items():
    sql = sql.replace('{{' + name + '}}', val)
def repl(m):
    f = {'PY2': P2, 'PY4': P4, 'PY1': P1, 'NP2': N2, 'NP1': N1}[m.group(1)]
    return f(m.group(2))
# innermost-first replacement of PY2[[ ... ]] markers (no nesting used)
sql = re.sub(r'(PY2|PY4|PY1|NP2|NP1)\[\[(.*?)\]\]', repl, sql, flags=re.S)
open(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', 'schema', 'views.sql'), 'w').write(sql)
