package fr.jdma.collector.results;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.geo.Geography;

import java.util.ArrayList;
import java.util.List;

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

    /** A place of a level, named. */
    public record Place(GeoLevel level, String code, String name) {
    }

    /** The place itself and the places that hold it, up to the nation: 94080 → Vincennes, Val-de-Marne, Île-de-France, France. */
    public List<Place> lineage(GeoLevel level, String code) {
        List<Place> places = new ArrayList<>(4);
        places.add(new Place(level, code, geography.placeName(level, code).orElse(code)));
        String commune = level == GeoLevel.COMMUNE ? code : null;
        String departement = level == GeoLevel.DEPARTEMENT ? code
                : commune == null ? null : geography.placeOf(commune, GeoLevel.DEPARTEMENT);
        String region = level == GeoLevel.REGION ? code
                : commune != null ? geography.placeOf(commune, GeoLevel.REGION)
                : departement == null ? null : geography.regionOfDepartement(departement);
        if (level == GeoLevel.COMMUNE && departement != null) places.add(place(GeoLevel.DEPARTEMENT, departement));
        if ((level == GeoLevel.COMMUNE || level == GeoLevel.DEPARTEMENT) && region != null) places.add(place(GeoLevel.REGION, region));
        if (level != GeoLevel.NATIONAL) places.add(place(GeoLevel.NATIONAL, GeoLevel.NATION));
        return places;
    }

    /** Whether the code names a place of that level in the COG (the nation always exists). */
    public boolean exists(GeoLevel level, String code) {
        return geography.placeName(level, code).isPresent() && (level != GeoLevel.COMMUNE
                || geography.commune(code).map(c -> c.kind() == Geography.Kind.COMMUNE).orElse(false));
    }

    /** Current communes matching a name, postal code or INSEE code, best first. */
    public List<Geography.Commune> search(String text, int limit) {
        return geography.search(text, limit);
    }

    public Geography geography() {
        return geography;
    }

    private Place place(GeoLevel level, String code) {
        return new Place(level, code, geography.placeName(level, code).orElse(code));
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
