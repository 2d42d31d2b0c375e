package fr.jdma.collector.results;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.geo.Geography;

/**
 * What a place is called on the public pages: a commune code by its COG name, a département or
 * région by its name, another location by the name its service gave it (locationNames), and
 * anything else by its own code, so an unknown code keeps working.
 */
public final class PlaceNames {

    /** The empty location: answers given without a location, for the service as a whole. */
    public static final String WHOLE_SERVICE = "Ensemble du service";

    private final Geography geography;

    public PlaceNames(Geography geography) {
        this.geography = geography;
    }

    /** The name of a code at a level; a null level means a location as ratings carry it. */
    public String of(Service service, GeoLevel level, String code) {
        if (level != null) return geography.placeName(level, code).orElse(code);
        if (code == null || code.isEmpty()) return WHOLE_SERVICE;
        return geography.commune(code).map(Geography.Commune::name)
                .or(() -> service.locationName(code))
                .orElse(code);
    }
}
