package org.ewea.alerts.lifecycle;

/** A transition, assessment or feedback input that is missing or out of range, naming the field. */
public final class InvalidAlertInputException extends IllegalArgumentException {

    private final String field;

    public InvalidAlertInputException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
