package org.ewea.api.alerts;

import java.util.NoSuchElementException;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.lifecycle.IllegalTransitionException;
import org.ewea.alerts.lifecycle.InvalidAlertInputException;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;

/** The alerts module's exceptions as API problems. */
public final class AlertProblems {

    private AlertProblems() {}

    public static Throwable of(Throwable error) {
        return switch (error) {
            case IllegalTransitionException illegal ->
                new ApiProblem(ProblemType.CONFLICT, "Illegal transition: " + illegal.getMessage() + ".");
            case AlertRepository.ConcurrentChangeException stale ->
                new ApiProblem(ProblemType.CONFLICT, stale.getMessage() + ".");
            case InvalidAlertInputException invalid ->
                ApiProblem.invalidField(
                        invalid.field(),
                        invalid.getMessage().substring(invalid.field().length() + 1));
            case NoSuchElementException missing -> new ApiProblem(ProblemType.NOT_FOUND, missing.getMessage() + ".");
            default -> error;
        };
    }

    static ApiProblem notFound(String what, String id) {
        return new ApiProblem(
                ProblemType.NOT_FOUND, "There is no " + what + " '" + id + "' (or you are not cleared" + " for it).");
    }
}
