-- The evidence report at 100,000 articles (issue 17): its CSV worked out PEMAT from each text for
-- every line (and asked the database for each line's byline, policy and retraction checks), 32.7 s
-- for 100,000 lines. What the text settles of PEMAT is now worked out once per change with the
-- other figures and stored: one letter per item (desk/EvidenceFigures.pematText); the editor's
-- answers are added when a line is shown, as before.
ALTER TABLE evidence_figures ADD COLUMN pemat_text VARCHAR(40);

-- Every article's figures are worked out again once, in the background after the start (as after
-- an import): a line whose figures are older than its article is worked out when shown meanwhile.
UPDATE evidence_figures SET modified_at = -1;
