-- isaq warehouse schema: views. Plain SQL, so any SQLite client sees the same numbers.

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
