-- dyad store, format version 2 -> 3: each event keeps its location's coordinates and precision
-- (copied from its first mention, like its other descriptive fields), so that queries filter by
-- location country and bounding box and the map groups located events without reading mentions;
-- and each actor's totals keep a text it was coded from, so that listing actors reads no events.

ALTER TABLE events ADD COLUMN location_lat REAL;
ALTER TABLE events ADD COLUMN location_lon REAL;
ALTER TABLE events ADD COLUMN location_precision TEXT;

UPDATE events SET
    location_lat = (SELECT m.location_lat FROM mentions m WHERE m.id = events.first_mention),
    location_lon = (SELECT m.location_lon FROM mentions m WHERE m.id = events.first_mention),
    location_precision =
        (SELECT m.location_precision FROM mentions m WHERE m.id = events.first_mention)
WHERE location_name IS NOT NULL;

-- Covers the map's grouping of located events (in this order) and location-country filters.
CREATE INDEX events_location ON events (
    run, location_country, location_lat, location_lon, location_name, location_precision
);

ALTER TABLE actor_totals ADD COLUMN text TEXT;
UPDATE actor_totals SET text = (
    SELECT min(t) FROM (
        SELECT source_text AS t FROM events
        WHERE run = actor_totals.run AND source_code = actor_totals.actor
        UNION ALL
        SELECT target_text FROM events
        WHERE run = actor_totals.run AND target_code = actor_totals.actor
    )
);
