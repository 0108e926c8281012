-- Units must have a plan from the year they started (D25): the tallies keep "required" in the row of that year
-- instead of year 0. The old rows are dropped here and recounted from the rows at start-up (tallies::ensure).
DELETE FROM unit_own_tallies;
DELETE FROM unit_tallies;
