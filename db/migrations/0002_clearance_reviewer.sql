-- Schema version 2: a documented medical clearance names who reviewed the client and on which date, as the
-- clinician recorded it from the referral letter. created_by and created_at still say who entered the
-- row and when; older rows keep '' (the recorder and the time it was entered stand in for them).
ALTER TABLE overrides ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE overrides ADD COLUMN reviewed_on TEXT NOT NULL DEFAULT '';
