-- Radius matching uses cube + earthdistance with GiST indexes (see 10_geo.sql).
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
