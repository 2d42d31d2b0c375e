package fr.jdma.collector.input;

/** One bad field of a request, as named in the problem+json `errors` array. */
public record FieldError(String field, String detail) {
}
