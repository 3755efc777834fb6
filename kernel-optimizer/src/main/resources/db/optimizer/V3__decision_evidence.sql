-- Decisions on evidence (issue 17, ADR 0012): each decision keeps the sequential test's statistic, bound, sample and
-- error rate, and a sentence a person can read. Rows of the first build have neither.
ALTER TABLE kernel_decisions ADD COLUMN evidence jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE kernel_decisions ADD COLUMN explanation text;
