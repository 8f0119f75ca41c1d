-- isaq warehouse schema: the forgetting views (instance pairs between checkpoints). The
-- quality bars here are isaq's documented defaults; `isaq forgetting` takes others as options
-- and adds BLEU/METEOR deltas, McNemar tests and bootstrap intervals.

-- One matched instance of two checkpoints (same sample, variant, slot, format spec, occurrence
-- and subtask, judged under the same ruleset): compliance and quality before and after, whether
-- it was good (compliant and past the task's bar: ACC correct, sentence WER <= 0.3, sentence
-- BLEU >= 20, segment METEOR >= 0.2), its transition and, when forgotten, which flip it was.
CREATE VIEW instance_transition AS
WITH paired AS (
    SELECT cb.name AS before, ca.name AS after, rs.name AS ruleset, run.dim, run.task,
           jb.scorer_key AS variant, jb.subtask, s.key AS sample, v.key AS leaf_variant, i.slot, rb.occurrence,
           jb.compliant AS compliant_before, ja.compliant AS compliant_after,
           jb.quality AS quality_before, ja.quality AS quality_after,
           CASE WHEN jb.subtask = 'ASR' OR (jb.subtask = '' AND run.task = 'asr') THEN 'wer'
                WHEN jb.subtask IN ('SER', 'GR') OR run.task IN ('ser', 'gr') THEN 'acc'
                WHEN run.task = 's2tt' THEN 'bleu' ELSE 'meteor' END AS metric,
           jb.wer_sub + jb.wer_del + jb.wer_ins AS errors_before, jb.wer_ref_words AS ref_words_before,
           ja.wer_sub + ja.wer_del + ja.wer_ins AS errors_after, ja.wer_ref_words AS ref_words_after,
           jb.acc_correct AS correct_before, ja.acc_correct AS correct_after,
           jb.acc_counted AS counted_before, ja.acc_counted AS counted_after,
           rb.text AS response_before, ra.text AS response_after
    FROM judgment jb
    JOIN response rb ON rb.response_id = jb.response_id
    JOIN response ra ON ra.instruction_id = rb.instruction_id AND ra.occurrence = rb.occurrence AND ra.checkpoint_id <> rb.checkpoint_id
    JOIN judgment ja ON ja.response_id = ra.response_id AND ja.subtask = jb.subtask AND ja.ruleset_id = jb.ruleset_id
    JOIN run ON run.run_id = rb.run_id
    JOIN checkpoint cb ON cb.checkpoint_id = rb.checkpoint_id
    JOIN checkpoint ca ON ca.checkpoint_id = ra.checkpoint_id
    JOIN ruleset rs ON rs.ruleset_id = jb.ruleset_id
    JOIN instruction i ON i.instruction_id = rb.instruction_id
    JOIN variant v ON v.variant_id = i.variant_id
    JOIN sample s ON s.sample_id = i.sample_id
    WHERE NOT (run.dim = 'n' AND jb.subtask = '')
), judged AS (
    SELECT *,
           compliant_before AND ifnull(CASE metric WHEN 'wer' THEN quality_before <= 0.3 WHEN 'bleu' THEN quality_before >= 20
                                           WHEN 'meteor' THEN quality_before >= 0.2 ELSE quality_before >= 1 END, 0) AS good_before,
           compliant_after AND ifnull(CASE metric WHEN 'wer' THEN quality_after <= 0.3 WHEN 'bleu' THEN quality_after >= 20
                                          WHEN 'meteor' THEN quality_after >= 0.2 ELSE quality_after >= 1 END, 0) AS good_after
    FROM paired
)
SELECT *,
       CASE WHEN good_before AND good_after THEN 'kept' WHEN good_before THEN 'forgotten'
            WHEN good_after THEN 'learned' ELSE 'never-good' END AS transition,
       CASE WHEN good_before AND NOT good_after THEN CASE WHEN compliant_after THEN 'content' ELSE 'compliance' END END AS flip
FROM judged;

-- Per checkpoint pair, dimension, task, variation key and subtask: matched instances, IFR and
-- (for WER and ACC) metric_IF before and after over the matched instances, signed deltas
-- (negative is worse, WER included), transition counts and flip rates.
CREATE VIEW forgetting AS
SELECT before, after, ruleset, dim, task, variant, subtask, metric,
       count(*) AS matched,
       100.0 * sum(compliant_before) / count(*) AS ifr_before,
       100.0 * sum(compliant_after) / count(*) AS ifr_after,
       100.0 * sum(compliant_after) / count(*) - 100.0 * sum(compliant_before) / count(*) AS d_ifr,
       CASE metric WHEN 'wer' THEN 100 * (1.0 * sum(errors_before) / sum(ref_words_before))
                   WHEN 'acc' THEN 100.0 * sum(correct_before) / (CASE WHEN dim = 'f' THEN sum(counted_before) ELSE count(*) END) END AS metric_before,
       CASE metric WHEN 'wer' THEN 100 * (1.0 * sum(errors_after) / sum(ref_words_after))
                   WHEN 'acc' THEN 100.0 * sum(correct_after) / (CASE WHEN dim = 'f' THEN sum(counted_after) ELSE count(*) END) END AS metric_after,
       CASE metric WHEN 'wer' THEN 100 * (1.0 * sum(errors_before) / sum(ref_words_before)) - 100 * (1.0 * sum(errors_after) / sum(ref_words_after))
                   WHEN 'acc' THEN 100.0 * sum(correct_after) / (CASE WHEN dim = 'f' THEN sum(counted_after) ELSE count(*) END)
                                 - 100.0 * sum(correct_before) / (CASE WHEN dim = 'f' THEN sum(counted_before) ELSE count(*) END) END AS d_metric,
       sum(transition = 'kept') AS kept, sum(transition = 'forgotten') AS forgotten,
       sum(flip = 'compliance') AS compliance_flips, sum(flip = 'content') AS content_flips,
       sum(transition = 'learned') AS learned, sum(transition = 'never-good') AS never_good,
       1.0 * sum(transition = 'forgotten') / count(*) AS negative_flip_rate,
       1.0 * sum(transition = 'forgotten') / nullif(sum(good_before), 0) AS forgetting_rate
FROM instance_transition
GROUP BY before, after, ruleset, dim, task, variant, subtask, metric;
