package fr.jdma.collector.input;

import java.util.List;

/** Input that cannot be accepted as it is (a rating, a service, a query); each error names its field. */
public final class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String detail) {
        return new InvalidInputException(List.of(new FieldError(field, detail)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
