-- dyad store, format version 2 -> 3: each event keeps its location's coordinates and precision
-- (copied from its first mention, like its other descriptive fields), so that queries filter by
-- location country and bounding box and the map groups located events without reading mentions.

ALTER TABLE events ADD COLUMN location_lat REAL;
ALTER TABLE events ADD COLUMN location_lon REAL;
ALTER TABLE events ADD COLUMN location_precision TEXT;

UPDATE events SET
    location_lat = (SELECT m.location_lat FROM mentions m WHERE m.id = events.first_mention),
    location_lon = (SELECT m.location_lon FROM mentions m WHERE m.id = events.first_mention),
    location_precision =
        (SELECT m.location_precision FROM mentions m WHERE m.id = events.first_mention)
WHERE location_name IS NOT NULL;

CREATE INDEX events_location ON events (run, location_country, location_lat, location_lon);
