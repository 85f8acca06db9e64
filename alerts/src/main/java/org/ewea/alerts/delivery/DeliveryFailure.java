package org.ewea.alerts.delivery;

/** A delivery attempt that failed; permanent failures are not retried. */
public final class DeliveryFailure extends Exception {

    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public DeliveryFailure(String message, Throwable cause) {
        super(message, cause);
        this.permanent = false;
    }

    public boolean permanent() {
        return permanent;
    }
}
