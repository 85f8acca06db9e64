package org.ewea.methodology.grading;

/** A grade does not exist in its scheme. The message says what a valid one looks like. */
public class InvalidGradeException extends IllegalArgumentException {

    public InvalidGradeException(String message) {
        super(message);
    }
}
