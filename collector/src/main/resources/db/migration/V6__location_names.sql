-- Names a service gives its own location codes ("caf-94" -> "CAF du Val-de-Marne"), shown on
-- its public results. Commune codes need none: their names come from the COG table in the jar.
CREATE TABLE location_names (
  service   VARCHAR(64)  NOT NULL,
  location  VARCHAR(64)  NOT NULL,
  name      VARCHAR(200) NOT NULL,
  PRIMARY KEY (service, location)
);
