package fr.jdma.collector.export;

import fr.jdma.collector.ingest.Flag;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.input.QueryParams;

import java.util.List;
import java.util.Map;

/**
 * What an analyst asks of GET /api/v1/exports/ratings.csv or .xlsx; null filters select everything, and
 * {@code flags} selects the ratings carrying any of them (none: every rating).
 * Without a service, every service the analyst may read. {@code variant} only shapes the CSV.
 */
public record ExportQuery(String service, String location, String source, Period period, List<String> flags,
                          CsvWriter.Variant variant) {

    public static ExportQuery parse(Map<String, List<String>> params) {
        QueryParams query = new QueryParams(params);
        String service = query.optional("service", Codes.CODE);
        String location = query.optional("location", Codes.CODE);
        String source = query.optional("source", Codes.SOURCE);
        Period period = query.period();
        List<String> flags = query.words("flags", Flag.wireNames());
        boolean excel = query.flag("excel");
        query.check();
        return new ExportQuery(service, location, source, period, flags,
                excel ? CsvWriter.Variant.EXCEL : CsvWriter.Variant.STANDARD);
    }

    /** jdma-{service|tous}-{from|debut}-{to|fin}, to which the format adds its extension. */
    public String fileName() {
        return "jdma-" + (service == null ? "tous" : service) + "-" + (period.from() == null ? "debut" : period.from())
                + "-" + (period.to() == null ? "fin" : period.to());
    }
}
