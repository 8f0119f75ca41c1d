-- Reference rows every warehouse starts with: tasks, dimensions, the paper's variation
-- classes and the benchmark's leaf variants.

INSERT INTO task VALUES
    ('asr',  'automatic speech recognition',       'wer',    0, 0),
    ('gr',   'gender recognition',                 'acc',    1, 1),
    ('ser',  'speech emotion recognition',         'acc',    1, 2),
    ('s2tt', 'speech-to-text translation (en→zh)', 'bleu',   1, 3),
    ('aac',  'automated audio captioning',         'METEOR', 1, 4);

INSERT INTO dimension VALUES
    ('d', 'description wording'),
    ('f', 'output format'),
    ('n', 'number of composed subtasks');

INSERT INTO variation_class VALUES
    ('D1', 'd', 'default',        'default',             0),
    ('D2', 'd', 'case',           'case',                1),
    ('D3', 'd', 'robust',         'robustness',          2),
    ('D4', 'd', 'semantic_equal', 'semantic complexity', 3),
    ('D5', 'd', 'alter_symbol',   'punctuation',         4),
    ('F1', 'f', 'constrain',      'constrain',           5),
    ('F2', 'f', 'case',           'case',                6),
    ('F3', 'f', 'decoration',     'decoration',          7),
    ('F4', 'f', 'json',           'json',                8),
    ('N1', 'n', '2-TASK',         '2-task',              9),
    ('N2', 'n', '3-TASK',         '3-task',              10);

INSERT INTO variant (dim, key, class, known) VALUES
    ('d', 'default',                'D1', 1),
    ('d', 'case.upper_case',        'D2', 1),
    ('d', 'case.lower_case',        'D2', 1),
    ('d', 'robust.grammar_robust',  'D3', 1),
    ('d', 'robust.syntax_robust',   'D3', 1),
    ('d', 'semantic_equal_simple',  'D4', 1),
    ('d', 'semantic_equal_neutral', 'D4', 1),
    ('d', 'semantic_equal_complex', 'D4', 1),
    ('d', 'alter_symbol',           'D5', 1),
    ('f', 'constrain',              'F1', 1),
    ('f', 'upper_case',             'F2', 1),
    ('f', 'lower_case',             'F2', 1),
    ('f', 'prefix',                 'F3', 1),
    ('f', 'suffix',                 'F3', 1),
    ('f', 'wrap',                   'F3', 1),
    ('f', 'json',                   'F4', 1);

INSERT INTO ruleset (name, description) VALUES
    ('isa-bench-1.0', 'The upstream ISA-Bench scorers at commit 9eab93d, quirks included (SCORING.md).');
