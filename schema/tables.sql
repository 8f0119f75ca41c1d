-- isaq warehouse schema, version 1: the tables. Views live in views.sql, reference rows in
-- seed.sql. Every table is STRICT so other engines (DuckDB's sqlite scanner) read typed columns.

-- A model as published or ingested (e.g. qwen2_audio); checkpoints hang below it.
CREATE TABLE model (
    model_id     INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    family       TEXT,
    proprietary  INTEGER NOT NULL DEFAULT 0 CHECK (proprietary IN (0, 1))
) STRICT;

-- A model checkpoint, what --before/--after name: `model` (label '') or `model@label`.
CREATE TABLE checkpoint (
    checkpoint_id  INTEGER PRIMARY KEY,
    model_id       INTEGER NOT NULL REFERENCES model,
    label          TEXT NOT NULL DEFAULT '',
    name           TEXT NOT NULL UNIQUE,
    parent_id      INTEGER REFERENCES checkpoint,  -- SFT lineage: the checkpoint this one was tuned from
    notes          TEXT,
    UNIQUE (model_id, label)
) STRICT;

-- The five ISA-Bench tasks and the direction of their headline metric.
CREATE TABLE task (
    task              TEXT PRIMARY KEY,  -- asr, s2tt, ser, gr, aac
    name              TEXT NOT NULL,
    metric            TEXT NOT NULL,     -- wer, bleu, acc, METEOR: the key upstream prints
    higher_is_better  INTEGER NOT NULL CHECK (higher_is_better IN (0, 1)),
    axis_order        INTEGER NOT NULL   -- RPS task order of calc_area: asr, gr, ser, s2tt, aac
) STRICT;

-- The three instruction dimensions: description wording, output format, composed subtasks.
CREATE TABLE dimension (
    dim   TEXT PRIMARY KEY,  -- d, f, n
    name  TEXT NOT NULL
) STRICT;

-- The paper's variation classes D1-D5, F1-F4, N1-N2: the 11 radar axes, in radar order.
CREATE TABLE variation_class (
    class       TEXT PRIMARY KEY,  -- D1 ... N2
    dim         TEXT NOT NULL REFERENCES dimension,
    key         TEXT NOT NULL,     -- the key calc_area uses: default, case, robust, semantic_equal, ...
    name        TEXT NOT NULL,     -- the README row name: default, case, robustness, ...
    axis_order  INTEGER NOT NULL UNIQUE,
    UNIQUE (dim, key)
) STRICT;

-- A leaf instruction variant as it appears in result files. d keys are `top` or `top.inner`
-- (case.upper_case); f keys are the top key (prefix); n keys are `stage.branch.TASK|TASK`.
CREATE TABLE variant (
    variant_id  INTEGER PRIMARY KEY,
    dim         TEXT NOT NULL REFERENCES dimension,
    key         TEXT NOT NULL,
    class       TEXT REFERENCES variation_class,  -- NULL for keys outside the benchmark
    known       INTEGER NOT NULL DEFAULT 0 CHECK (known IN (0, 1)),  -- 1: part of ISA-Bench
    UNIQUE (dim, key)
) STRICT;

-- A benchmark item: one audio clip of one task with its references. Composite (n) items carry
-- transcript, emotion and gender. Identical items from different files share one row.
CREATE TABLE sample (
    sample_id   INTEGER PRIMARY KEY,
    task        TEXT NOT NULL,        -- asr, s2tt, ser, gr, aac, or n for composite items
    key         TEXT NOT NULL,        -- the audio path
    reference   TEXT NOT NULL,        -- `text`: transcript, translation, label or '|'-joined captions
    emotion     TEXT,                 -- n items: SER reference
    gender      TEXT,                 -- n items: GR reference
    task_field  TEXT                  -- the item's own `task` string (d/f scorers read it)
) STRICT;
CREATE UNIQUE INDEX sample_identity ON sample
    (task, key, reference, ifnull(emotion, char(0)), ifnull(gender, char(0)), ifnull(task_field, char(0)));

-- What was asked: a sample under a variant at one slot, with its text (from a catalog) and
-- its format spec (from the catalog or the result file's metadata).
CREATE TABLE instruction (
    instruction_id  INTEGER PRIMARY KEY,
    sample_id       INTEGER NOT NULL REFERENCES sample,
    variant_id      INTEGER NOT NULL REFERENCES variant,
    slot            TEXT NOT NULL,   -- JSON path of the response below the variant: '', '[0]', '[0].response', '.deep', '[1][3]'
    text            TEXT,            -- the instruction wording, when a catalog supplied it
    prefix          TEXT,            -- f prefix spec
    suffix          TEXT,            -- f suffix spec
    wrap            TEXT,            -- f wrap spec `left|right` (lrt)
    json_key        TEXT,            -- f json key, or n json keys `a|b`
    separator       TEXT,            -- n separation spec
    subtask_order   TEXT,            -- n task order `ASR|SER|GR`
    spec_json       TEXT NOT NULL DEFAULT '',  -- the whole metadata object, compact JSON ('' when none)
    UNIQUE (sample_id, variant_id, slot, spec_json)
) STRICT;

-- One ingest of one source file for one checkpoint. Re-ingesting the same bytes is a no-op.
CREATE TABLE run (
    run_id          INTEGER PRIMARY KEY,
    checkpoint_id   INTEGER NOT NULL REFERENCES checkpoint,
    format          TEXT NOT NULL CHECK (format IN ('results', 'jsonl')),
    dim             TEXT REFERENCES dimension,   -- NULL when a JSONL file mixes dimensions
    task            TEXT,                        -- detected task; n for n files; NULL when mixed
    source_path     TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    ingested_at     TEXT NOT NULL,               -- ISO 8601 UTC
    tool_version    TEXT NOT NULL,
    response_count  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (checkpoint_id, sha256)
) STRICT;

-- A model's raw answer to one instruction, byte for byte. `occurrence` tells apart repeated
-- identical items of one file; `item_index` is the item's position in its file.
CREATE TABLE response (
    response_id     INTEGER PRIMARY KEY,
    run_id          INTEGER NOT NULL REFERENCES run,
    checkpoint_id   INTEGER NOT NULL REFERENCES checkpoint,
    instruction_id  INTEGER NOT NULL REFERENCES instruction,
    occurrence      INTEGER NOT NULL DEFAULT 0,
    item_index      INTEGER NOT NULL,
    ordinal         INTEGER NOT NULL,   -- position among the item's responses, in file order
    kind            TEXT NOT NULL CHECK (kind IN ('string', 'null', 'number', 'boolean', 'array', 'object')),
    text            TEXT,               -- the string; JSON text for other kinds; NULL for null
    UNIQUE (checkpoint_id, instruction_id, occurrence)
) STRICT;
CREATE INDEX response_run ON response (run_id, item_index, ordinal);

-- A versioned set of judging rules (isa-bench-1.0 restates the upstream scorers).
CREATE TABLE ruleset (
    ruleset_id  INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL
) STRICT;

-- How a metric was computed, sacreBLEU style (bleu|nrefs:1|...|isa-bench-1.0).
CREATE TABLE metric_signature (
    signature_id  INTEGER PRIMARY KEY,
    ruleset_id    INTEGER NOT NULL REFERENCES ruleset,
    metric        TEXT NOT NULL,   -- wer, bleu, acc, meteor
    signature     TEXT NOT NULL UNIQUE
) STRICT;

-- The verdict on one response (or one subtask of an n response) under one ruleset: compliance,
-- the hypothesis entering the metric, and the metric's sufficient statistics, so that every
-- aggregate is a SUM over rows. `scorer_key` is the key the upstream scorer reports it under.
CREATE TABLE judgment (
    response_id    INTEGER NOT NULL REFERENCES response ON DELETE CASCADE,
    subtask        TEXT NOT NULL DEFAULT '',   -- n: ASR, SER, GR; '' otherwise
    ruleset_id     INTEGER NOT NULL REFERENCES ruleset,
    signature_id   INTEGER REFERENCES metric_signature,
    scorer_key     TEXT NOT NULL,
    compliant      INTEGER NOT NULL CHECK (compliant IN (0, 1)),
    hypothesis     TEXT,
    reference      TEXT,               -- the reference as the metric saw it (normalized / tokenized)
    -- WER
    wer_sub        INTEGER, wer_del INTEGER, wer_ins INTEGER, wer_ref_words INTEGER,
    -- BLEU (n = 1..4)
    bleu_hyp_len   INTEGER, bleu_ref_len INTEGER,
    bleu_correct1  INTEGER, bleu_correct2 INTEGER, bleu_correct3 INTEGER, bleu_correct4 INTEGER,
    bleu_total1    INTEGER, bleu_total2 INTEGER, bleu_total3 INTEGER, bleu_total4 INTEGER,
    -- ACC: correct, and whether the response counts in the denominator (§8.3)
    acc_correct    INTEGER, acc_counted INTEGER,
    -- METEOR: the jar's segment statistics line; NULL with a reason when the jars are absent
    meteor_stats   TEXT,
    metric_pending TEXT,
    -- per-instance quality for forgetting analysis: sentence WER (ASR, lower is better),
    -- sentence BLEU of the segment's statistics, 1/0 correctness (ACC), segment METEOR (AAC)
    quality        REAL,
    PRIMARY KEY (response_id, subtask, ruleset_id)
) STRICT, WITHOUT ROWID;

-- Aggregate-only scores from papers and published files: one metric of one variant key.
CREATE TABLE published_score (
    source         TEXT NOT NULL,   -- e.g. isa-bench-2025
    checkpoint_id  INTEGER NOT NULL REFERENCES checkpoint,
    dim            TEXT NOT NULL REFERENCES dimension,
    task           TEXT NOT NULL,   -- a task, or 'only' for the n block
    key            TEXT NOT NULL,   -- the variation key as printed (n: stage/k-TASK/SUB or stage/branch)
    metric         TEXT NOT NULL,   -- ifr, wer, acc, bleu, p1, METEOR, CIDEr-D, n, ...
    value          REAL NOT NULL,
    position       INTEGER NOT NULL,  -- order in the source file, so exports keep it
    PRIMARY KEY (source, checkpoint_id, dim, task, key, metric)
) STRICT;

-- A named set of checkpoints that defines the dynamic RPS reference.
CREATE TABLE cohort (
    cohort_id  INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    notes      TEXT
) STRICT;

-- Membership of a cohort; `source` says whether published or instance-derived scores count.
CREATE TABLE cohort_member (
    cohort_id      INTEGER NOT NULL REFERENCES cohort ON DELETE CASCADE,
    checkpoint_id  INTEGER NOT NULL REFERENCES checkpoint,
    source         TEXT NOT NULL,   -- a published_score source, or 'instances'
    PRIMARY KEY (cohort_id, checkpoint_id, source)
) STRICT;

-- Summed sufficient statistics of one run's judgments per ruleset × scorer key × subtask, kept current whenever judgments are written, so the score views read a few rows per run instead of every judgment. Columns as in the judgment_total_live view (m0..m22: summed METEOR statistics).
CREATE TABLE judgment_total (
    run_id          INTEGER NOT NULL REFERENCES run ON DELETE CASCADE,
    ruleset_id      INTEGER NOT NULL REFERENCES ruleset,
    scorer_key      TEXT NOT NULL,
    subtask         TEXT NOT NULL,
    n               INTEGER NOT NULL,
    compliant       INTEGER NOT NULL,
    wer_errors      INTEGER, wer_ref_words INTEGER,
    bleu_hyp_len    INTEGER, bleu_ref_len INTEGER,
    bleu_correct1   INTEGER, bleu_correct2 INTEGER, bleu_correct3 INTEGER, bleu_correct4 INTEGER,
    bleu_total1     INTEGER, bleu_total2 INTEGER, bleu_total3 INTEGER, bleu_total4 INTEGER,
    acc_correct     INTEGER, acc_counted INTEGER,
    pending         INTEGER NOT NULL,   -- judgments whose METEOR statistics are pending
    meteor_segments INTEGER NOT NULL,   -- judgments with METEOR statistics
    m0 REAL, m1 REAL, m2 REAL, m3 REAL, m4 REAL, m5 REAL, m6 REAL, m7 REAL, m8 REAL, m9 REAL, m10 REAL, m11 REAL,
    m12 REAL, m13 REAL, m14 REAL, m15 REAL, m16 REAL, m17 REAL, m18 REAL, m19 REAL, m20 REAL, m21 REAL, m22 REAL,
    PRIMARY KEY (run_id, ruleset_id, scorer_key, subtask)
) STRICT;
