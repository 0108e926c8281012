-- "Việc cần làm": plans and commitments waiting for review are found from the units that review them (the
-- reviewer's unit and its children), so a unit's submitted plans and commitments must be one index lookup
-- (plans_unit_year holds unit plans only). Partial, so it holds only the few submitted rows and the planner sees how
-- few there are; with person_id and year in it, the badge's count reads the index alone (the year lock's lookup
-- needs unit_id and year, telling commitments from unit plans needs person_id).
CREATE INDEX plans_submitted ON plans (unit_id, person_id, year) WHERE status = 'submitted';
-- Who submitted, so that a return or an acceptance tells that account (NULL: submitted before this column, or by
-- the system; the unit's officers are told instead).
ALTER TABLE plans ADD COLUMN submitted_by {{BIGINT}};
