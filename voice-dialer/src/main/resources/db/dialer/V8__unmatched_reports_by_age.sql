-- Unmatched reports are kept for revos.dialer.unmatched-reports.retention, then deleted by age. They arrive in
-- time order, so a BRIN index finds the old ones at almost no cost per report (a B-tree would be a third entry
-- written for every one).
CREATE INDEX unmatched_reports_by_age ON unmatched_reports USING brin (received_at);
