package org.ewea.collectors.recording;

/** A recording cannot be read: its manifest is missing, malformed or inconsistent. The message says where and why. */
public class RecordingException extends RuntimeException {

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
