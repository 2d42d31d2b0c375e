package fr.jdma.collector.export;

import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.input.QueryParams;

import java.util.List;
import java.util.Map;

/**
 * What an analyst asks of GET /api/v1/exports/ratings.csv or .xlsx; null filters select everything.
 * Without a service, every service the analyst may read. {@code variant} only shapes the CSV.
 */
public record ExportQuery(String service, String location, String source, Period period, CsvWriter.Variant variant) {

    public static ExportQuery parse(Map<String, List<String>> params) {
        QueryParams query = new QueryParams(params);
        String service = query.optional("service", Codes.CODE);
        String location = query.optional("location", Codes.CODE);
        String source = query.optional("source", Codes.SOURCE);
        Period period = query.period();
        boolean excel = query.flag("excel");
        query.check();
        return new ExportQuery(service, location, source, period,
                excel ? CsvWriter.Variant.EXCEL : CsvWriter.Variant.STANDARD);
    }

    /** jdma-{service|tous}-{from|debut}-{to|fin}, to which the format adds its extension. */
    public String fileName() {
        return "jdma-" + (service == null ? "tous" : service) + "-" + (period.from() == null ? "debut" : period.from())
                + "-" + (period.to() == null ? "fin" : period.to());
    }
}
