-- isaq warehouse schema: views. Plain SQL, so any SQLite client sees the same numbers.
--
-- Rounding is part of the contract (SCORING.md §0, §10). No SQL engine rounds the way Python
-- and NumPy do, so the two are spelled out inline wherever they apply:
-- * PyRound(x, d) (Python `round`: the exact binary value, ties to even): split |x| by
--   Veltkamp (2^27 + 1) to get the exact product |x|·10^d = p + e (Dekker), compare the exact
--   fraction with one half by the sign of ((p - floor(p)) - 0.5) + e (each step exact), round
--   half to even, divide by 10^d (a correctly rounded division gives Python's result).
--   Exact while |x|·10^d < 2^52, which covers every score (tests: SQLRoundingTests).
-- * NpRound(x, d) (`numpy.round`): y = x·10^d in double arithmetic, round half to even, / 10^d.
-- The expressions repeat rather than call a function, because plain sqlite3 has none to call:
-- this file is generated from scripts/views/views.sql.in by scripts/views/generate.py.

-- Responses per checkpoint, dimension and task: what `isaq checkpoints` summarizes.
CREATE VIEW response_count AS
SELECT c.name AS checkpoint, v.dim, s.task, count(*) AS responses,
       sum(r.kind = 'null') AS null_responses
FROM response r
JOIN checkpoint c USING (checkpoint_id)
JOIN instruction i USING (instruction_id)
JOIN variant v USING (variant_id)
JOIN sample s ON s.sample_id = i.sample_id
GROUP BY c.name, v.dim, s.task;

-- One judgment's METEOR statistics as the 23 numbers the jar sums for a corpus score (m20, the chunks, zeroed on a perfect match as the jar's addStats does).
CREATE VIEW judgment_meteor AS
SELECT response_id, subtask, ruleset_id,
       m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19,
       CASE WHEN m20 = 1 AND m4 + m6 + m8 + m10 + m12 + m14 + m16 + m18 = m0
                 AND m5 + m7 + m9 + m11 + m13 + m15 + m17 + m19 = m1 THEN 0.0 ELSE m20 END AS m20,
       m21, m22
FROM (SELECT response_id, subtask, ruleset_id,
       json_extract(a, '$[0]') AS m0,
       json_extract(a, '$[1]') AS m1,
       json_extract(a, '$[2]') AS m2,
       json_extract(a, '$[3]') AS m3,
       json_extract(a, '$[4]') AS m4,
       json_extract(a, '$[5]') AS m5,
       json_extract(a, '$[6]') AS m6,
       json_extract(a, '$[7]') AS m7,
       json_extract(a, '$[8]') AS m8,
       json_extract(a, '$[9]') AS m9,
       json_extract(a, '$[10]') AS m10,
       json_extract(a, '$[11]') AS m11,
       json_extract(a, '$[12]') AS m12,
       json_extract(a, '$[13]') AS m13,
       json_extract(a, '$[14]') AS m14,
       json_extract(a, '$[15]') AS m15,
       json_extract(a, '$[16]') AS m16,
       json_extract(a, '$[17]') AS m17,
       json_extract(a, '$[18]') AS m18,
       json_extract(a, '$[19]') AS m19,
       json_extract(a, '$[20]') AS m20,
       json_extract(a, '$[21]') AS m21,
       json_extract(a, '$[22]') AS m22
      FROM (SELECT response_id, subtask, ruleset_id, '[' || replace(trim(meteor_stats), ' ', ',') || ']' AS a
            FROM judgment WHERE meteor_stats IS NOT NULL));

-- Summed sufficient statistics per run × ruleset × scorer key × subtask, computed from the judgments: what the judgment_total table caches (and a test compares them).
CREATE VIEW judgment_total_live AS
SELECT r.run_id, j.ruleset_id, j.scorer_key, j.subtask,
       count(*) AS n, sum(j.compliant) AS compliant, sum(j.wer_sub + j.wer_del + j.wer_ins) AS wer_errors, sum(j.wer_ref_words) AS wer_ref_words,
       sum(j.bleu_hyp_len) AS bleu_hyp_len, sum(j.bleu_ref_len) AS bleu_ref_len,
       sum(j.bleu_correct1) AS bleu_correct1, sum(j.bleu_correct2) AS bleu_correct2, sum(j.bleu_correct3) AS bleu_correct3, sum(j.bleu_correct4) AS bleu_correct4,
       sum(j.bleu_total1) AS bleu_total1, sum(j.bleu_total2) AS bleu_total2, sum(j.bleu_total3) AS bleu_total3, sum(j.bleu_total4) AS bleu_total4,
       sum(j.acc_correct) AS acc_correct, sum(j.acc_counted) AS acc_counted,
       count(j.metric_pending) AS pending, count(j.meteor_stats) AS meteor_segments,
       sum(m.m0) AS m0, sum(m.m1) AS m1, sum(m.m2) AS m2, sum(m.m3) AS m3, sum(m.m4) AS m4, sum(m.m5) AS m5, sum(m.m6) AS m6, sum(m.m7) AS m7, sum(m.m8) AS m8, sum(m.m9) AS m9, sum(m.m10) AS m10, sum(m.m11) AS m11, sum(m.m12) AS m12, sum(m.m13) AS m13, sum(m.m14) AS m14, sum(m.m15) AS m15, sum(m.m16) AS m16, sum(m.m17) AS m17, sum(m.m18) AS m18, sum(m.m19) AS m19, sum(m.m20) AS m20, sum(m.m21) AS m21, sum(m.m22) AS m22
FROM judgment j
JOIN response r USING (response_id)
LEFT JOIN judgment_meteor m ON m.response_id = j.response_id AND m.subtask = j.subtask AND m.ruleset_id = j.ruleset_id
GROUP BY r.run_id, j.ruleset_id, j.scorer_key, j.subtask;

-- Summed sufficient statistics per ruleset × checkpoint × dim × task × scorer key × subtask (from judgment_total), plus a pooled `all` row per d/f task: every upstream number is a function of one row.
CREATE VIEW judged_stats AS
WITH j AS NOT MATERIALIZED (
    SELECT rs.name AS ruleset, c.checkpoint_id, c.name AS checkpoint, run.dim, run.task, t.scorer_key AS variant, t.subtask,
           t.n, t.compliant, t.wer_errors, t.wer_ref_words, t.bleu_hyp_len, t.bleu_ref_len, t.bleu_correct1, t.bleu_correct2, t.bleu_correct3, t.bleu_correct4, t.bleu_total1, t.bleu_total2, t.bleu_total3, t.bleu_total4, t.acc_correct, t.acc_counted, t.pending, t.meteor_segments, t.m0, t.m1, t.m2, t.m3, t.m4, t.m5, t.m6, t.m7, t.m8, t.m9, t.m10, t.m11, t.m12, t.m13, t.m14, t.m15, t.m16, t.m17, t.m18, t.m19, t.m20, t.m21, t.m22
    FROM judgment_total t
    JOIN run ON run.run_id = t.run_id
    JOIN checkpoint c ON c.checkpoint_id = run.checkpoint_id
    JOIN ruleset rs ON rs.ruleset_id = t.ruleset_id
    WHERE run.dim IS NOT NULL AND run.task IS NOT NULL
),
g AS (
    SELECT ruleset, checkpoint_id, checkpoint, dim, task, variant, subtask, 0 AS pooled, sum(n) AS n, sum(compliant) AS compliant, sum(wer_errors) AS wer_errors, sum(wer_ref_words) AS wer_ref_words, sum(bleu_hyp_len) AS bleu_hyp_len, sum(bleu_ref_len) AS bleu_ref_len, sum(bleu_correct1) AS c1, sum(bleu_correct2) AS c2, sum(bleu_correct3) AS c3, sum(bleu_correct4) AS c4, sum(bleu_total1) AS t1, sum(bleu_total2) AS t2, sum(bleu_total3) AS t3, sum(bleu_total4) AS t4, sum(acc_correct) AS acc_correct, sum(acc_counted) AS acc_counted, sum(pending) AS pending, sum(meteor_segments) AS meteor_segments, sum(m0) AS m0, sum(m1) AS m1, sum(m2) AS m2, sum(m3) AS m3, sum(m4) AS m4, sum(m5) AS m5, sum(m6) AS m6, sum(m7) AS m7, sum(m8) AS m8, sum(m9) AS m9, sum(m10) AS m10, sum(m11) AS m11, sum(m12) AS m12, sum(m13) AS m13, sum(m14) AS m14, sum(m15) AS m15, sum(m16) AS m16, sum(m17) AS m17, sum(m18) AS m18, sum(m19) AS m19, sum(m20) AS m20, sum(m21) AS m21, sum(m22) AS m22
    FROM j GROUP BY ruleset, checkpoint_id, checkpoint, dim, task, variant, subtask
    UNION ALL
    SELECT ruleset, checkpoint_id, checkpoint, dim, task, 'all', '', 1, sum(n) AS n, sum(compliant) AS compliant, sum(wer_errors) AS wer_errors, sum(wer_ref_words) AS wer_ref_words, sum(bleu_hyp_len) AS bleu_hyp_len, sum(bleu_ref_len) AS bleu_ref_len, sum(bleu_correct1) AS c1, sum(bleu_correct2) AS c2, sum(bleu_correct3) AS c3, sum(bleu_correct4) AS c4, sum(bleu_total1) AS t1, sum(bleu_total2) AS t2, sum(bleu_total3) AS t3, sum(bleu_total4) AS t4, sum(acc_correct) AS acc_correct, sum(acc_counted) AS acc_counted, sum(pending) AS pending, sum(meteor_segments) AS meteor_segments, sum(m0) AS m0, sum(m1) AS m1, sum(m2) AS m2, sum(m3) AS m3, sum(m4) AS m4, sum(m5) AS m5, sum(m6) AS m6, sum(m7) AS m7, sum(m8) AS m8, sum(m9) AS m9, sum(m10) AS m10, sum(m11) AS m11, sum(m12) AS m12, sum(m13) AS m13, sum(m14) AS m14, sum(m15) AS m15, sum(m16) AS m16, sum(m17) AS m17, sum(m18) AS m18, sum(m19) AS m19, sum(m20) AS m20, sum(m21) AS m21, sum(m22) AS m22
    FROM j WHERE dim <> 'n' GROUP BY ruleset, checkpoint_id, checkpoint, dim, task
)
SELECT * FROM g;

-- Corpus BLEU (sacreBLEU 2.6, exp smoothing, zh) and METEOR 1.5 of each judged_stats row, in the operation order of BLEUScore.swift and MeteorStatistics.swift.
CREATE VIEW judged_corpus_metric AS
WITH b AS (
    SELECT *,
           CASE WHEN bleu_hyp_len < bleu_ref_len THEN (CASE WHEN bleu_hyp_len > 0 THEN exp(1 - (bleu_ref_len * 1.0) / bleu_hyp_len) ELSE 0.0 END) ELSE 1.0 END AS bp,
           CASE WHEN t1 = 0 THEN 0.0 WHEN c1 = 0 THEN 100.0 / ((1 << (c1 = 0)) * t1) ELSE 100.0 * c1 / t1 END AS p1,
           CASE WHEN t2 = 0 THEN 0.0 WHEN c2 = 0 THEN 100.0 / ((1 << ((c1 = 0) + (c2 = 0))) * t2) ELSE 100.0 * c2 / t2 END AS p2,
           CASE WHEN t3 = 0 THEN 0.0 WHEN c3 = 0 THEN 100.0 / ((1 << ((c1 = 0) + (c2 = 0) + (c3 = 0))) * t3) ELSE 100.0 * c3 / t3 END AS p3,
           CASE WHEN t4 = 0 THEN 0.0 WHEN c4 = 0 THEN 100.0 / ((1 << ((c1 = 0) + (c2 = 0) + (c3 = 0) + (c4 = 0))) * t4) ELSE 100.0 * c4 / t4 END AS p4,
           0.75 * (m0 - m2) + (1 - 0.75) * m2 AS twl,
           0.75 * (m1 - m3) + (1 - 0.75) * m3 AS rwl,
           0.0 + m4 * 1.0 * 0.75 + m8 * 0.6 * 0.75 + m12 * 0.8 * 0.75 + m16 * 0.6 * 0.75
               + m6 * 1.0 * (1 - 0.75) + m10 * 0.6 * (1 - 0.75) + m14 * 0.8 * (1 - 0.75) + m18 * 0.6 * (1 - 0.75) AS twm,
           0.0 + m5 * 1.0 * 0.75 + m9 * 0.6 * 0.75 + m13 * 0.8 * 0.75 + m17 * 0.6 * 0.75
               + m7 * 1.0 * (1 - 0.75) + m11 * 0.6 * (1 - 0.75) + m15 * 0.8 * (1 - 0.75) + m19 * 0.6 * (1 - 0.75) AS rwm,
           CASE WHEN m4 + m6 + m8 + m10 + m12 + m14 + m16 + m18 = m0 AND m5 + m7 + m9 + m11 + m13 + m15 + m17 + m19 = m1 AND m20 = 1
                THEN 0.0 ELSE m20 / ((m21 + m22) / 2) END AS frag
    FROM judged_stats
)
SELECT ruleset, checkpoint_id, checkpoint, dim, task, variant, subtask, pooled, n, compliant, wer_errors, wer_ref_words,
       acc_correct, acc_counted, pending, meteor_segments, bp, p1, p2, p3, p4,
       CASE WHEN bleu_hyp_len IS NULL THEN NULL WHEN c1 = 0 AND c2 = 0 AND c3 = 0 AND c4 = 0 THEN 0.0
            ELSE bp * exp((0.0 + (CASE WHEN p1 = 0 THEN -9999999999.0 ELSE ln(p1) END)
                               + (CASE WHEN p2 = 0 THEN -9999999999.0 ELSE ln(p2) END)
                               + (CASE WHEN p3 = 0 THEN -9999999999.0 ELSE ln(p3) END)
                               + (CASE WHEN p4 = 0 THEN -9999999999.0 ELSE ln(p4) END)) / 4) END AS bleu,
       -- 0/0 is NaN in the jar (score 0) but NULL in SQL: no matches or no length means 0.
       CASE WHEN meteor_segments IS NULL OR meteor_segments = 0 THEN NULL
            WHEN twm > 0 AND rwm > 0 AND twl > 0 AND rwl > 0 AND m21 + m22 > 0
            THEN max((1 / ((1 - 0.85) / (twm / twl) + 0.85 / (rwm / rwl))) * (1 - 0.6 * pow(frag, 0.2)), 0.0)
            ELSE 0.0 END AS meteor
FROM b;

-- One row per checkpoint × dim × task × variation key (× subtask for n): n, compliant, IFR and the compliance-aware metric exactly as upstream prints it, from judgments (source `instances`) or from published aggregates (source = the published source), in one union so a new checkpoint ranks against published models.
CREATE VIEW variant_score AS
SELECT 'instances' AS source, ruleset, checkpoint_id, checkpoint, dim, task, variant, subtask, n, compliant,
       (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (100.0 * compliant / n) AS v)))))) AS ifr,
       metric,
       CASE metric
           WHEN 'wer' THEN (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (100 * (CASE WHEN wer_ref_words = 0 THEN wer_errors * 1.0 ELSE (wer_errors * 1.0) / wer_ref_words END)) AS v))))))
           WHEN 'acc' THEN (CASE WHEN acc_den = 0 THEN 0.0 ELSE (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT ((100 * acc_correct) * 1.0 / acc_den) AS v)))))) END)
           WHEN 'bleu' THEN (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (bleu) AS v))))))
           WHEN 'METEOR' THEN (CASE WHEN pending > 0 THEN NULL ELSE (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 10000.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 10000.0 - p) + (a - h) * 10000.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 10000.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (meteor) AS v)))))) END)
       END AS value,
       CASE WHEN dim = 'n' THEN (CASE subtask WHEN 'ASR' THEN 0 WHEN 'SER' THEN 1 WHEN 'GR' THEN 2 ELSE 3 END)
            ELSE (CASE task WHEN 'asr' THEN 0 WHEN 'gr' THEN 1 WHEN 'ser' THEN 2 WHEN 'aac' THEN 3 WHEN 's2tt' THEN 4 ELSE 5 END) END AS task_position
FROM (SELECT *,
             CASE WHEN dim = 'n' THEN (CASE subtask WHEN 'ASR' THEN 'wer' WHEN 'SER' THEN 'acc' WHEN 'GR' THEN 'acc' END)
                  ELSE (SELECT t.metric FROM task t WHERE t.task = judged_corpus_metric.task) END AS metric,
             CASE WHEN dim = 'f' THEN acc_counted ELSE n END AS acc_den
      FROM judged_corpus_metric)
UNION ALL
-- (the window sits one level down, so a filter on variant_score reaches both arms: no pooled rows for class_score)
SELECT * FROM (
SELECT source, NULL, checkpoint_id, checkpoint, dim, task, variant, subtask, n, NULL, ifr, metric, value,
       CASE WHEN dim = 'n' THEN position ELSE min(position) OVER (PARTITION BY source, checkpoint_id, dim, task) END
FROM (SELECT source, checkpoint_id, checkpoint, dim, task, variant, subtask, metric,
             CAST(max(CASE WHEN p_metric = 'n' THEN value END) AS INTEGER) AS n,
             max(CASE WHEN p_metric = 'ifr' THEN value END) AS ifr,
             max(CASE WHEN p_metric = metric THEN value END) AS value, min(position) AS position
      FROM (SELECT ps.source, ps.checkpoint_id, c.name AS checkpoint, ps.dim, ps.position, ps.metric AS p_metric, ps.value,
                   CASE WHEN ps.dim = 'n' THEN 'n' ELSE ps.task END AS task,
                   CASE WHEN ps.dim = 'n' AND ps.key LIKE '%-TASK/%' THEN substr(ps.key, 1, instr(ps.key, '-TASK/') + 4)
                        ELSE ps.key END AS variant,
                   CASE WHEN ps.dim = 'n' AND ps.key LIKE '%-TASK/%' THEN substr(ps.key, instr(ps.key, '-TASK/') + 6) ELSE '' END AS subtask,
                   CASE WHEN ps.dim = 'n' THEN (CASE WHEN ps.key LIKE '%-TASK/ASR' THEN 'wer' WHEN ps.key LIKE '%-TASK/%' THEN 'acc' END)
                        ELSE t.metric END AS metric
            FROM published_score ps JOIN checkpoint c USING (checkpoint_id) LEFT JOIN task t ON t.task = ps.task)
      GROUP BY source, checkpoint_id, checkpoint, dim, task, variant, subtask, metric));

-- One row per checkpoint × dim × task × variation class (§10.1: D1-D5, F1-F4; N1/N2 per subtask, whose task is asr/ser/gr): IFR and metric as calc_area derives them (pairs and triples averaged in its operand order, PyRound 2). Instance rows use ruleset isa-bench-1.0.
CREATE VIEW class_score AS
WITH vs AS MATERIALIZED (
    SELECT * FROM variant_score WHERE variant <> 'all' AND (ruleset IS NULL OR ruleset = 'isa-bench-1.0')
),
w AS (
    SELECT source, ruleset, checkpoint_id, checkpoint, dim, task, max(metric) AS metric, max(task_position) AS task_position,
       max(CASE WHEN variant = 'default' THEN ifr END) AS "default_i", max(CASE WHEN variant = 'default' THEN value END) AS "default_v", max(variant = 'default') AS "default_has",
       max(CASE WHEN variant = 'case' THEN ifr END) AS "case_i", max(CASE WHEN variant = 'case' THEN value END) AS "case_v", max(variant = 'case') AS "case_has",
       max(CASE WHEN variant = 'robust' THEN ifr END) AS "robust_i", max(CASE WHEN variant = 'robust' THEN value END) AS "robust_v", max(variant = 'robust') AS "robust_has",
       max(CASE WHEN variant = 'upper_case' THEN ifr END) AS "upper_case_i", max(CASE WHEN variant = 'upper_case' THEN value END) AS "upper_case_v", max(variant = 'upper_case') AS "upper_case_has",
       max(CASE WHEN variant = 'lower_case' THEN ifr END) AS "lower_case_i", max(CASE WHEN variant = 'lower_case' THEN value END) AS "lower_case_v", max(variant = 'lower_case') AS "lower_case_has",
       max(CASE WHEN variant = 'grammar_robust' THEN ifr END) AS "grammar_robust_i", max(CASE WHEN variant = 'grammar_robust' THEN value END) AS "grammar_robust_v", max(variant = 'grammar_robust') AS "grammar_robust_has",
       max(CASE WHEN variant = 'syntax_robust' THEN ifr END) AS "syntax_robust_i", max(CASE WHEN variant = 'syntax_robust' THEN value END) AS "syntax_robust_v", max(variant = 'syntax_robust') AS "syntax_robust_has",
       max(CASE WHEN variant = 'semantic_equal_simple' THEN ifr END) AS "semantic_equal_simple_i", max(CASE WHEN variant = 'semantic_equal_simple' THEN value END) AS "semantic_equal_simple_v", max(variant = 'semantic_equal_simple') AS "semantic_equal_simple_has",
       max(CASE WHEN variant = 'semantic_equal_neutral' THEN ifr END) AS "semantic_equal_neutral_i", max(CASE WHEN variant = 'semantic_equal_neutral' THEN value END) AS "semantic_equal_neutral_v", max(variant = 'semantic_equal_neutral') AS "semantic_equal_neutral_has",
       max(CASE WHEN variant = 'semantic_equal_complex' THEN ifr END) AS "semantic_equal_complex_i", max(CASE WHEN variant = 'semantic_equal_complex' THEN value END) AS "semantic_equal_complex_v", max(variant = 'semantic_equal_complex') AS "semantic_equal_complex_has",
       max(CASE WHEN variant = 'alter_symbol' THEN ifr END) AS "alter_symbol_i", max(CASE WHEN variant = 'alter_symbol' THEN value END) AS "alter_symbol_v", max(variant = 'alter_symbol') AS "alter_symbol_has",
       max(CASE WHEN variant = 'constrain' THEN ifr END) AS "constrain_i", max(CASE WHEN variant = 'constrain' THEN value END) AS "constrain_v", max(variant = 'constrain') AS "constrain_has",
       max(CASE WHEN variant = 'prefix' THEN ifr END) AS "prefix_i", max(CASE WHEN variant = 'prefix' THEN value END) AS "prefix_v", max(variant = 'prefix') AS "prefix_has",
       max(CASE WHEN variant = 'suffix' THEN ifr END) AS "suffix_i", max(CASE WHEN variant = 'suffix' THEN value END) AS "suffix_v", max(variant = 'suffix') AS "suffix_has",
       max(CASE WHEN variant = 'wrap' THEN ifr END) AS "wrap_i", max(CASE WHEN variant = 'wrap' THEN value END) AS "wrap_v", max(variant = 'wrap') AS "wrap_has",
       max(CASE WHEN variant = 'json' THEN ifr END) AS "json_i", max(CASE WHEN variant = 'json' THEN value END) AS "json_v", max(variant = 'json') AS "json_has"
    FROM vs
    WHERE dim IN ('d', 'f')
    GROUP BY source, ruleset, checkpoint_id, checkpoint, dim, task
),
c AS (
SELECT source, ruleset, checkpoint_id, checkpoint, w.dim, task, vc.class, metric, task_position,
       CASE vc.class
           WHEN 'D1' THEN "default_i"
           WHEN 'D2' THEN CASE WHEN "case_has" THEN "case_i" ELSE (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (("lower_case_i" + "upper_case_i") / 2.0) AS v)))))) END
           WHEN 'D3' THEN CASE WHEN "robust_has" THEN "robust_i" ELSE (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (("grammar_robust_i" + "syntax_robust_i") / 2.0) AS v)))))) END
           WHEN 'D4' THEN (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT ((("semantic_equal_complex_i" + "semantic_equal_neutral_i") + "semantic_equal_simple_i") / 3.0) AS v))))))
           WHEN 'D5' THEN "alter_symbol_i"
           WHEN 'F1' THEN "constrain_i"
           WHEN 'F2' THEN (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (("lower_case_i" + "upper_case_i") / 2.0) AS v))))))
           WHEN 'F3' THEN (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT ((("prefix_i" + "suffix_i") + "wrap_i") / 3.0) AS v))))))
           WHEN 'F4' THEN "json_i"
       END AS ifr,
       CASE vc.class
           WHEN 'D1' THEN "default_v"
           WHEN 'D2' THEN CASE WHEN "case_has" THEN "case_v" ELSE (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (("lower_case_v" + "upper_case_v") / 2.0) AS v)))))) END
           WHEN 'D3' THEN CASE WHEN "robust_has" THEN "robust_v" ELSE (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (("grammar_robust_v" + "syntax_robust_v") / 2.0) AS v)))))) END
           WHEN 'D4' THEN (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT ((("semantic_equal_complex_v" + "semantic_equal_neutral_v") + "semantic_equal_simple_v") / 3.0) AS v))))))
           WHEN 'D5' THEN "alter_symbol_v"
           WHEN 'F1' THEN "constrain_v"
           WHEN 'F2' THEN (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (("lower_case_v" + "upper_case_v") / 2.0) AS v))))))
           WHEN 'F3' THEN (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT ((("prefix_v" + "suffix_v") + "wrap_v") / 3.0) AS v))))))
           WHEN 'F4' THEN "json_v"
       END AS value
FROM w JOIN variation_class vc ON vc.dim = w.dim
WHERE CASE vc.class
          WHEN 'D1' THEN "default_has"
          WHEN 'D2' THEN ("case_has" OR ("lower_case_has" AND "upper_case_has"))
          WHEN 'D3' THEN ("robust_has" OR ("grammar_robust_has" AND "syntax_robust_has"))
          WHEN 'D4' THEN ("semantic_equal_complex_has" AND "semantic_equal_neutral_has" AND "semantic_equal_simple_has")
          WHEN 'D5' THEN "alter_symbol_has"
          WHEN 'F1' THEN "constrain_has"
          WHEN 'F2' THEN ("lower_case_has" AND "upper_case_has")
          WHEN 'F3' THEN ("prefix_has" AND "suffix_has" AND "wrap_has")
          WHEN 'F4' THEN "json_has"
      END
UNION ALL
SELECT source, ruleset, checkpoint_id, checkpoint, dim, lower(subtask), CASE WHEN variant LIKE '%/2-TASK' THEN 'N1' ELSE 'N2' END,
       metric, task_position, ifr, value
FROM vs
WHERE dim = 'n' AND variant IN ('single-stage/2-TASK', 'single-stage/3-TASK') AND subtask <> ''
)
SELECT c.source, c.checkpoint_id, c.checkpoint, c.dim, c.task, c.class, vc.axis_order, c.ifr, c.metric, c.value,
       t.higher_is_better, c.task_position
FROM c JOIN variation_class vc USING (class) JOIN task t USING (task);

-- One row per checkpoint × radar axis (§10.2): IFR averaged over the tasks the checkpoint has, summed in its stored task order, PyRound 2; N axes 0.0 without N data.
CREATE VIEW axis_score AS
WITH ranked AS (
    SELECT source, checkpoint_id, class, ifr AS x,
           row_number() OVER (PARTITION BY source, checkpoint_id, class ORDER BY task_position, task) AS k
    FROM class_score WHERE ifr IS NOT NULL
),
agg AS (
    SELECT source, checkpoint_id, class, count(*) AS tasks, max(CASE k WHEN 1 THEN x END) AS v1, max(CASE k WHEN 2 THEN x END) AS v2, max(CASE k WHEN 3 THEN x END) AS v3, max(CASE k WHEN 4 THEN x END) AS v4, max(CASE k WHEN 5 THEN x END) AS v5
    FROM ranked GROUP BY source, checkpoint_id, class
),
members AS (
    SELECT DISTINCT ps.source, ps.checkpoint_id, c.name AS checkpoint FROM published_score ps JOIN checkpoint c USING (checkpoint_id)
    UNION
    SELECT 'instances', run.checkpoint_id, c.name FROM judgment_total t JOIN run USING (run_id) JOIN checkpoint c ON c.checkpoint_id = run.checkpoint_id
)
SELECT m.source, m.checkpoint_id, m.checkpoint, vc.class AS axis, vc.dim, vc.key, vc.name, vc.axis_order, ifnull(a.tasks, 0) AS tasks,
       CASE WHEN a.tasks IS NULL THEN (CASE WHEN vc.dim = 'n' THEN 0.0 END)
            ELSE (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (((((v1 + ifnull(v2, 0.0)) + ifnull(v3, 0.0)) + ifnull(v4, 0.0)) + ifnull(v5, 0.0)) / a.tasks) AS v)))))) END AS ifr
FROM members m CROSS JOIN variation_class vc
LEFT JOIN agg a ON a.source = m.source AND a.checkpoint_id = m.checkpoint_id AND a.class = vc.class;

-- One RPS cell per cohort × member × dim × task × class (§10.3; rps NULL when the member has no metric value there): against the best value of the cohort's members (max, or min for WER), NpRound(m / (best + 1e-6), 2), or NpRound(best / (m + 1e-6), 2) for WER.
CREATE VIEW rps AS
SELECT cohort, source, checkpoint_id, checkpoint, dim, task, class, axis_order, task_position, metric, higher_is_better, ifr, value, best,
       CASE WHEN higher_is_better = 1 THEN (SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * 100.0 AS p FROM (SELECT (value / (best + 1e-6)) AS v)))))
            ELSE (SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * 100.0 AS p FROM (SELECT (best / (value + 1e-6)) AS v))))) END AS rps
FROM (SELECT co.name AS cohort, cs.*,
             CASE WHEN cs.higher_is_better = 1 THEN max(cs.value) OVER w ELSE min(cs.value) OVER w END AS best,
             count(cs.value) OVER w AS members
      FROM cohort co
      JOIN cohort_member cm USING (cohort_id)
      JOIN class_score cs ON cs.checkpoint_id = cm.checkpoint_id AND cs.source = cm.source
      WINDOW w AS (PARTITION BY co.name, cs.dim, cs.task, cs.class));

-- The dynamic RPS reference (§10.3): per cohort × dim × task × class, the best metric over the cohort's members (max, or min for WER).
CREATE VIEW rps_reference AS
SELECT cohort, dim, task, class, metric, higher_is_better, best, count(*) AS members
FROM rps WHERE value IS NOT NULL GROUP BY cohort, dim, task, class, metric, higher_is_better, best;

-- One row per cohort × member × radar axis (§10.3): rps: D/F = NpRound(mean of the member's cells in task order asr, gr, ser, s2tt, aac); N = NpRound((asr + ser + gr) / 3) with 0 for a missing subtask; 0.0 without N data. ifr: the IFR axis as in axis_score, from the same rows, so area_score reads the scores once.
CREATE VIEW rps_axis AS
WITH ranked AS (
    SELECT r.cohort, r.source, r.checkpoint_id, r.class, r.task, r.rps AS x, r.ifr AS y,
           row_number() OVER (PARTITION BY r.cohort, r.source, r.checkpoint_id, r.class ORDER BY r.rps IS NULL, t.axis_order) AS k,
           row_number() OVER (PARTITION BY r.cohort, r.source, r.checkpoint_id, r.class ORDER BY r.ifr IS NULL, r.task_position, r.task) AS q
    FROM rps r JOIN task t USING (task)
),
agg AS (
    SELECT cohort, source, checkpoint_id, class, count(x) AS tasks, count(y) AS ifr_tasks, max(CASE k WHEN 1 THEN x END) AS v1, max(CASE k WHEN 2 THEN x END) AS v2, max(CASE k WHEN 3 THEN x END) AS v3, max(CASE k WHEN 4 THEN x END) AS v4, max(CASE k WHEN 5 THEN x END) AS v5, max(CASE q WHEN 1 THEN y END) AS u1, max(CASE q WHEN 2 THEN y END) AS u2, max(CASE q WHEN 3 THEN y END) AS u3, max(CASE q WHEN 4 THEN y END) AS u4, max(CASE q WHEN 5 THEN y END) AS u5,
           max(CASE task WHEN 'asr' THEN x END) AS n_asr, max(CASE task WHEN 'ser' THEN x END) AS n_ser, max(CASE task WHEN 'gr' THEN x END) AS n_gr
    FROM ranked GROUP BY cohort, source, checkpoint_id, class
),
members AS (
    SELECT co.name AS cohort, cm.source, cm.checkpoint_id, c.name AS checkpoint
    FROM cohort co JOIN cohort_member cm USING (cohort_id) JOIN checkpoint c ON c.checkpoint_id = cm.checkpoint_id
),
axes AS (
    SELECT m.cohort, m.source, m.checkpoint_id, m.checkpoint, vc.class AS axis, vc.dim, vc.key, vc.name, vc.axis_order, ifnull(a.tasks, 0) AS tasks,
           CASE WHEN vc.dim = 'n' THEN (CASE WHEN ifnull(a.tasks, 0) = 0 THEN 0.0
                                             ELSE (SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * 100.0 AS p FROM (SELECT (((ifnull(a.n_asr, 0.0) + ifnull(a.n_ser, 0.0)) + ifnull(a.n_gr, 0.0)) / 3) AS v))))) END)
                WHEN ifnull(a.tasks, 0) = 0 THEN NULL
                ELSE (SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * 100.0 AS p FROM (SELECT (((((v1 + ifnull(v2, 0.0)) + ifnull(v3, 0.0)) + ifnull(v4, 0.0)) + ifnull(v5, 0.0)) / a.tasks) AS v))))) END AS rps,
           CASE WHEN ifnull(a.ifr_tasks, 0) = 0 THEN (CASE WHEN vc.dim = 'n' THEN 0.0 END)
                ELSE (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (((((u1 + ifnull(u2, 0.0)) + ifnull(u3, 0.0)) + ifnull(u4, 0.0)) + ifnull(u5, 0.0)) / a.ifr_tasks) AS v)))))) END AS ifr
    FROM members m CROSS JOIN variation_class vc
    LEFT JOIN agg a ON a.cohort = m.cohort AND a.source = m.source AND a.checkpoint_id = m.checkpoint_id AND a.class = vc.class
)
SELECT * FROM axes;

-- The radar's unit vectors: axis i at angle ((2π)·i)/n, as calc_area places it.
CREATE VIEW radar_angle AS
SELECT axis_order AS i, cos(((2 * pi()) * axis_order) / (SELECT count(*) FROM variation_class)) AS cos_theta,
       sin(((2 * pi()) * axis_order) / (SELECT count(*) FROM variation_class)) AS sin_theta,
       (axis_order + 1) % (SELECT count(*) FROM variation_class) AS next_i
FROM variation_class;

-- One row per cohort × member (§10.4): IFR and RPS radar area ratios (shoelace over the 11 axes in radar order, summed i = 0…10, / the all-ones area × 100), IFR with PyRound 1, RPS with NpRound 1.
CREATE VIEW area_score AS
WITH radii AS MATERIALIZED (
    SELECT cohort, source, checkpoint_id, checkpoint, axis_order AS i, ifr / 100.0 AS r_ifr, rps AS r_rps FROM rps_axis
),
pts AS MATERIALIZED (
    SELECT r.*, r.r_ifr * g.cos_theta AS xi, r.r_ifr * g.sin_theta AS yi, r.r_rps * g.cos_theta AS xr, r.r_rps * g.sin_theta AS yr,
           g.cos_theta AS xo, g.sin_theta AS yo, g.next_i
    FROM radii r JOIN radar_angle g USING (i)
),
terms AS (
    SELECT a.cohort, a.source, a.checkpoint_id, a.checkpoint, a.i,
           a.xi * b.yi - b.xi * a.yi AS t_ifr, a.xr * b.yr - b.xr * a.yr AS t_rps, a.xo * b.yo - b.xo * a.yo AS t_one
    FROM pts a JOIN pts b ON b.cohort = a.cohort AND b.source = a.source AND b.checkpoint_id = a.checkpoint_id AND b.i = a.next_i
),
sums AS (
    SELECT cohort, source, checkpoint_id, checkpoint, count(*) AS axes,
           max(CASE i WHEN 0 THEN t_ifr END) AS f0, max(CASE i WHEN 1 THEN t_ifr END) AS f1, max(CASE i WHEN 2 THEN t_ifr END) AS f2, max(CASE i WHEN 3 THEN t_ifr END) AS f3, max(CASE i WHEN 4 THEN t_ifr END) AS f4, max(CASE i WHEN 5 THEN t_ifr END) AS f5, max(CASE i WHEN 6 THEN t_ifr END) AS f6, max(CASE i WHEN 7 THEN t_ifr END) AS f7, max(CASE i WHEN 8 THEN t_ifr END) AS f8, max(CASE i WHEN 9 THEN t_ifr END) AS f9, max(CASE i WHEN 10 THEN t_ifr END) AS f10,
           max(CASE i WHEN 0 THEN t_rps END) AS r0, max(CASE i WHEN 1 THEN t_rps END) AS r1, max(CASE i WHEN 2 THEN t_rps END) AS r2, max(CASE i WHEN 3 THEN t_rps END) AS r3, max(CASE i WHEN 4 THEN t_rps END) AS r4, max(CASE i WHEN 5 THEN t_rps END) AS r5, max(CASE i WHEN 6 THEN t_rps END) AS r6, max(CASE i WHEN 7 THEN t_rps END) AS r7, max(CASE i WHEN 8 THEN t_rps END) AS r8, max(CASE i WHEN 9 THEN t_rps END) AS r9, max(CASE i WHEN 10 THEN t_rps END) AS r10,
           max(CASE i WHEN 0 THEN t_one END) AS o0, max(CASE i WHEN 1 THEN t_one END) AS o1, max(CASE i WHEN 2 THEN t_one END) AS o2, max(CASE i WHEN 3 THEN t_one END) AS o3, max(CASE i WHEN 4 THEN t_one END) AS o4, max(CASE i WHEN 5 THEN t_one END) AS o5, max(CASE i WHEN 6 THEN t_one END) AS o6, max(CASE i WHEN 7 THEN t_one END) AS o7, max(CASE i WHEN 8 THEN t_one END) AS o8, max(CASE i WHEN 9 THEN t_one END) AS o9, max(CASE i WHEN 10 THEN t_one END) AS o10
    FROM terms GROUP BY cohort, source, checkpoint_id, checkpoint
),
areas AS (
    SELECT cohort, source, checkpoint_id, checkpoint, axes,
           0.5 * abs((((((((((((0.0 + f0) + f1) + f2) + f3) + f4) + f5) + f6) + f7) + f8) + f9) + f10)) AS ifr_area_raw, 0.5 * abs((((((((((((0.0 + r0) + r1) + r2) + r3) + r4) + r5) + r6) + r7) + r8) + r9) + r10)) AS rps_area_raw, 0.5 * abs((((((((((((0.0 + o0) + o1) + o2) + o3) + o4) + o5) + o6) + o7) + o8) + o9) + o10)) AS one_area
    FROM sums
),
area AS (
    SELECT cohort, source, checkpoint_id, checkpoint,
           (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 10.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 10.0 - p) + (a - h) * 10.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 10.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT ((ifr_area_raw / one_area) * 100) AS v)))))) AS ifr_area,
           (SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 10.0
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * 10.0 AS p FROM (SELECT ((rps_area_raw / one_area) * 100) AS v))))) AS rps_area,
           ifr_area_raw / one_area * 100 AS ifr_area_exact, rps_area_raw / one_area * 100 AS rps_area_exact
    FROM areas WHERE axes = (SELECT count(*) FROM variation_class)
)
SELECT * FROM area;

-- isaq's total score per cohort × member: over the atomic (dim, task, class) cells that have an RPS, ifr_total = PyRound(mean IFR, 2), rps_total = NpRound(mean RPS, 2), total = PyRound((ifr_total / 100 + rps_total) / 2 × 100, 2).
CREATE VIEW total_score AS
SELECT cohort, source, checkpoint_id, checkpoint, cells, ifr_total, rps_total,
       (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (((ifr_total / 100 + rps_total) / 2) * 100) AS v)))))) AS total
FROM (SELECT cohort, source, checkpoint_id, checkpoint, cells, (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (ifr_mean) AS v)))))) AS ifr_total, (SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * 100.0 AS p FROM (SELECT (rps_mean) AS v))))) AS rps_total
      FROM (SELECT r.cohort, r.source, r.checkpoint_id, r.checkpoint, count(*) AS cells, avg(r.ifr) AS ifr_mean, avg(r.rps) AS rps_mean
            FROM rps r
            GROUP BY r.cohort, r.source, r.checkpoint_id, r.checkpoint));

-- One row per cohort × member with an area (what `isaq leaderboard` ranks): area_score's and total_score's columns, computed from one pass over the RPS cells (the same SQL, so the same numbers).
CREATE VIEW leaderboard AS
WITH cell AS MATERIALIZED (SELECT * FROM rps),
ranked AS (
    SELECT r.cohort, r.source, r.checkpoint_id, r.class, r.task, r.rps AS x, r.ifr AS y,
           row_number() OVER (PARTITION BY r.cohort, r.source, r.checkpoint_id, r.class ORDER BY r.rps IS NULL, t.axis_order) AS k,
           row_number() OVER (PARTITION BY r.cohort, r.source, r.checkpoint_id, r.class ORDER BY r.ifr IS NULL, r.task_position, r.task) AS q
    FROM cell r JOIN task t USING (task)
),
agg AS (
    SELECT cohort, source, checkpoint_id, class, count(x) AS tasks, count(y) AS ifr_tasks, max(CASE k WHEN 1 THEN x END) AS v1, max(CASE k WHEN 2 THEN x END) AS v2, max(CASE k WHEN 3 THEN x END) AS v3, max(CASE k WHEN 4 THEN x END) AS v4, max(CASE k WHEN 5 THEN x END) AS v5, max(CASE q WHEN 1 THEN y END) AS u1, max(CASE q WHEN 2 THEN y END) AS u2, max(CASE q WHEN 3 THEN y END) AS u3, max(CASE q WHEN 4 THEN y END) AS u4, max(CASE q WHEN 5 THEN y END) AS u5,
           max(CASE task WHEN 'asr' THEN x END) AS n_asr, max(CASE task WHEN 'ser' THEN x END) AS n_ser, max(CASE task WHEN 'gr' THEN x END) AS n_gr
    FROM ranked GROUP BY cohort, source, checkpoint_id, class
),
members AS (
    SELECT co.name AS cohort, cm.source, cm.checkpoint_id, c.name AS checkpoint
    FROM cohort co JOIN cohort_member cm USING (cohort_id) JOIN checkpoint c ON c.checkpoint_id = cm.checkpoint_id
),
axes AS (
    SELECT m.cohort, m.source, m.checkpoint_id, m.checkpoint, vc.class AS axis, vc.dim, vc.key, vc.name, vc.axis_order, ifnull(a.tasks, 0) AS tasks,
           CASE WHEN vc.dim = 'n' THEN (CASE WHEN ifnull(a.tasks, 0) = 0 THEN 0.0
                                             ELSE (SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * 100.0 AS p FROM (SELECT (((ifnull(a.n_asr, 0.0) + ifnull(a.n_ser, 0.0)) + ifnull(a.n_gr, 0.0)) / 3) AS v))))) END)
                WHEN ifnull(a.tasks, 0) = 0 THEN NULL
                ELSE (SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * 100.0 AS p FROM (SELECT (((((v1 + ifnull(v2, 0.0)) + ifnull(v3, 0.0)) + ifnull(v4, 0.0)) + ifnull(v5, 0.0)) / a.tasks) AS v))))) END AS rps,
           CASE WHEN ifnull(a.ifr_tasks, 0) = 0 THEN (CASE WHEN vc.dim = 'n' THEN 0.0 END)
                ELSE (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (((((u1 + ifnull(u2, 0.0)) + ifnull(u3, 0.0)) + ifnull(u4, 0.0)) + ifnull(u5, 0.0)) / a.ifr_tasks) AS v)))))) END AS ifr
    FROM members m CROSS JOIN variation_class vc
    LEFT JOIN agg a ON a.cohort = m.cohort AND a.source = m.source AND a.checkpoint_id = m.checkpoint_id AND a.class = vc.class
),
radii AS MATERIALIZED (
    SELECT cohort, source, checkpoint_id, checkpoint, axis_order AS i, ifr / 100.0 AS r_ifr, rps AS r_rps FROM axes
),
pts AS MATERIALIZED (
    SELECT r.*, r.r_ifr * g.cos_theta AS xi, r.r_ifr * g.sin_theta AS yi, r.r_rps * g.cos_theta AS xr, r.r_rps * g.sin_theta AS yr,
           g.cos_theta AS xo, g.sin_theta AS yo, g.next_i
    FROM radii r JOIN radar_angle g USING (i)
),
terms AS (
    SELECT a.cohort, a.source, a.checkpoint_id, a.checkpoint, a.i,
           a.xi * b.yi - b.xi * a.yi AS t_ifr, a.xr * b.yr - b.xr * a.yr AS t_rps, a.xo * b.yo - b.xo * a.yo AS t_one
    FROM pts a JOIN pts b ON b.cohort = a.cohort AND b.source = a.source AND b.checkpoint_id = a.checkpoint_id AND b.i = a.next_i
),
sums AS (
    SELECT cohort, source, checkpoint_id, checkpoint, count(*) AS axes,
           max(CASE i WHEN 0 THEN t_ifr END) AS f0, max(CASE i WHEN 1 THEN t_ifr END) AS f1, max(CASE i WHEN 2 THEN t_ifr END) AS f2, max(CASE i WHEN 3 THEN t_ifr END) AS f3, max(CASE i WHEN 4 THEN t_ifr END) AS f4, max(CASE i WHEN 5 THEN t_ifr END) AS f5, max(CASE i WHEN 6 THEN t_ifr END) AS f6, max(CASE i WHEN 7 THEN t_ifr END) AS f7, max(CASE i WHEN 8 THEN t_ifr END) AS f8, max(CASE i WHEN 9 THEN t_ifr END) AS f9, max(CASE i WHEN 10 THEN t_ifr END) AS f10,
           max(CASE i WHEN 0 THEN t_rps END) AS r0, max(CASE i WHEN 1 THEN t_rps END) AS r1, max(CASE i WHEN 2 THEN t_rps END) AS r2, max(CASE i WHEN 3 THEN t_rps END) AS r3, max(CASE i WHEN 4 THEN t_rps END) AS r4, max(CASE i WHEN 5 THEN t_rps END) AS r5, max(CASE i WHEN 6 THEN t_rps END) AS r6, max(CASE i WHEN 7 THEN t_rps END) AS r7, max(CASE i WHEN 8 THEN t_rps END) AS r8, max(CASE i WHEN 9 THEN t_rps END) AS r9, max(CASE i WHEN 10 THEN t_rps END) AS r10,
           max(CASE i WHEN 0 THEN t_one END) AS o0, max(CASE i WHEN 1 THEN t_one END) AS o1, max(CASE i WHEN 2 THEN t_one END) AS o2, max(CASE i WHEN 3 THEN t_one END) AS o3, max(CASE i WHEN 4 THEN t_one END) AS o4, max(CASE i WHEN 5 THEN t_one END) AS o5, max(CASE i WHEN 6 THEN t_one END) AS o6, max(CASE i WHEN 7 THEN t_one END) AS o7, max(CASE i WHEN 8 THEN t_one END) AS o8, max(CASE i WHEN 9 THEN t_one END) AS o9, max(CASE i WHEN 10 THEN t_one END) AS o10
    FROM terms GROUP BY cohort, source, checkpoint_id, checkpoint
),
areas AS (
    SELECT cohort, source, checkpoint_id, checkpoint, axes,
           0.5 * abs((((((((((((0.0 + f0) + f1) + f2) + f3) + f4) + f5) + f6) + f7) + f8) + f9) + f10)) AS ifr_area_raw, 0.5 * abs((((((((((((0.0 + r0) + r1) + r2) + r3) + r4) + r5) + r6) + r7) + r8) + r9) + r10)) AS rps_area_raw, 0.5 * abs((((((((((((0.0 + o0) + o1) + o2) + o3) + o4) + o5) + o6) + o7) + o8) + o9) + o10)) AS one_area
    FROM sums
),
area AS (
    SELECT cohort, source, checkpoint_id, checkpoint,
           (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 10.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 10.0 - p) + (a - h) * 10.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 10.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT ((ifr_area_raw / one_area) * 100) AS v)))))) AS ifr_area,
           (SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 10.0
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * 10.0 AS p FROM (SELECT ((rps_area_raw / one_area) * 100) AS v))))) AS rps_area,
           ifr_area_raw / one_area * 100 AS ifr_area_exact, rps_area_raw / one_area * 100 AS rps_area_exact
    FROM areas WHERE axes = (SELECT count(*) FROM variation_class)
),
total AS (
SELECT cohort, source, checkpoint_id, checkpoint, cells, ifr_total, rps_total,
       (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (((ifr_total / 100 + rps_total) / 2) * 100) AS v)))))) AS total
FROM (SELECT cohort, source, checkpoint_id, checkpoint, cells, (SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, ((p - f) - 0.5) + ((h * 100.0 - p) + (a - h) * 100.0) AS t
        FROM (SELECT s, a, p, floor(p) AS f, c - (c - a) AS h
        FROM (SELECT s, a, a * 100.0 AS p, a * 134217729.0 AS c
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) AS a FROM (SELECT (ifr_mean) AS v)))))) AS ifr_total, (SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / 100.0
        FROM (SELECT s, f, p - f AS d FROM (SELECT s, p, floor(p) AS f
        FROM (SELECT CASE WHEN v < 0 THEN -1.0 ELSE 1.0 END AS s, abs(v) * 100.0 AS p FROM (SELECT (rps_mean) AS v))))) AS rps_total
      FROM (SELECT r.cohort, r.source, r.checkpoint_id, r.checkpoint, count(*) AS cells, avg(r.ifr) AS ifr_mean, avg(r.rps) AS rps_mean
            FROM cell r
            GROUP BY r.cohort, r.source, r.checkpoint_id, r.checkpoint))
)
SELECT a.cohort, a.source, a.checkpoint_id, a.checkpoint, a.ifr_area, a.rps_area, a.ifr_area_exact, a.rps_area_exact,
       t.cells, t.ifr_total, t.rps_total, t.total
FROM area a
LEFT JOIN total t ON t.cohort = a.cohort AND t.source = a.source AND t.checkpoint_id = a.checkpoint_id;
