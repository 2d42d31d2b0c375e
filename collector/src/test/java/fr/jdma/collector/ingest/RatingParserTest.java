package fr.jdma.collector.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.input.JsonMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** RatingParser on its own, one row per rule: the HTTP tests (RatingsApiTest) show the same rules on the wire. */
class RatingParserTest {

    static final Instant NOW = Instant.parse("2026-03-14T10:00:00Z");
    final RatingParser parser = new RatingParser();

    @ParameterizedTest(name = "{0} is accepted")
    @CsvSource(delimiter = '|', textBlock = """
            "satisfaction":"good"
            "satisfaction":"average","clarity":1
            "satisfaction":"bad","clarity":5,"help":["none"]
            "satisfaction":"good","help":["counter","phone"],"helpReached":true,"helpQuality":3
            "satisfaction":"good","help":["relative","websites","other","association"]
            "satisfaction":"good","location":"75056","source":"email","lang":"en"
            "satisfaction":"good","location":"caf-94.a_b","source":"button"
            "satisfaction":"good","comment":"Très bien 😀"
            "satisfaction":"good","page":"https://www.caf.fr/fin"
            "satisfaction":"good","id":"3F2B8C1E-5D4A-4E8B-9C1A-2B3C4D5E6F70"
            "satisfaction":"good","hp":"","elapsed":4000
            """)
    void valid_ratings_are_accepted(String fields) {
        Rating rating = parse(fields);

        assertThat(rating.service()).isEqualTo("caf");
        assertThat(rating.id()).matches("[0-9a-f-]{36}");
    }

    @ParameterizedTest(name = "{0} is refused, naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "clarity":3                                             | satisfaction
            "satisfaction":"great"                                  | satisfaction
            "satisfaction":1                                        | satisfaction
            "satisfaction":"good","clarity":0                       | clarity
            "satisfaction":"good","clarity":6                       | clarity
            "satisfaction":"good","clarity":"4"                     | clarity
            "satisfaction":"good","clarity":2.5                     | clarity
            "satisfaction":"good","help":"phone"                    | help
            "satisfaction":"good","help":["fax"]                    | help
            "satisfaction":"good","help":["none","phone"]           | help
            "satisfaction":"good","helpReached":true                | helpReached
            "satisfaction":"good","help":["relative"],"helpQuality":4 | helpQuality
            "satisfaction":"good","help":["phone"],"helpReached":"oui" | helpReached
            "satisfaction":"good","location":"a b"                  | location
            "satisfaction":"good","source":"x/y"                    | source
            "satisfaction":"good","page":"javascript:alert(1)"      | page
            "satisfaction":"good","page":"/relative"                | page
            "satisfaction":"good","lang":"de"                       | lang
            "satisfaction":"good","id":"not-a-uuid"                 | id
            "satisfaction":"good","extra":1                         | extra
            "satisfaction":"good","elapsed":-1                      | elapsed
            """)
    void invalid_fields_are_named(String fields, String field) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse(fields));

        assertThat(e).as(fields).isNotNull();
        assertThat(e.errors()).extracting(FieldError::field).contains(field);
    }

    @Test
    void a_comment_over_2000_characters_is_refused_and_one_of_2000_emoji_is_not() {
        assertThat(parse("\"satisfaction\":\"good\",\"comment\":\"" + "😀".repeat(2000) + "\"").comment()).hasSize(4000);
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> parse("\"satisfaction\":\"good\",\"comment\":\"" + "a".repeat(2001) + "\"")).errors())
                .extracting(FieldError::field).containsExactly("comment");
    }

    @Test
    void query_and_fragment_of_the_page_are_dropped_and_its_host_lowered() {
        assertThat(parse("\"satisfaction\":\"good\",\"page\":\"https://www.Caf.FR/fin?dossier=1#x\"").page()).isEqualTo("https://www.caf.fr/fin");
    }

    @Test
    void hidden_questions_are_not_kept() {
        Rating rating = parser.parse(body("\"satisfaction\":\"good\",\"clarity\":4,\"help\":[\"phone\"],\"helpReached\":true,\"comment\":\"x\""),
                Set.of("clarity", "help", "comment"), NOW);

        assertThat(rating.clarity()).isNull();
        assertThat(rating.help()).isEmpty();
        assertThat(rating.helpReached()).isNull();
        assertThat(rating.comment()).isNull();
    }

    @Test
    void under_a_Turkish_locale_the_wire_values_are_still_read() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            Rating rating = parse("\"satisfaction\":\"good\",\"help\":[\"email\"],\"helpReached\":true");

            assertThat(rating.help()).containsExactly(Rating.Help.EMAIL);
            assertThat(Rating.Help.EMAIL.wire()).isEqualTo("email");
            assertThat(Rating.Satisfaction.AVERAGE.wire()).isEqualTo("average");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void a_page_that_outgrows_its_column_once_masked_keeps_its_site() {
        assertThat(RatingParser.fitted("https://caf.fr" + "/[number]".repeat(240))).isEqualTo("https://caf.fr/");
        assertThat(RatingParser.fitted("https://caf.fr/fin")).isEqualTo("https://caf.fr/fin");
    }

    private Rating parse(String fields) {
        return parser.parse(body(fields), Set.of(), NOW);
    }

    private static ObjectNode body(String fields) {
        return JsonMapping.object("{\"service\":\"caf\"," + fields + "}");
    }
}
