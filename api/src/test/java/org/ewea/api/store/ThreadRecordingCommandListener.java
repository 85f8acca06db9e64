package org.ewea.api.store;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test listener: which thread issued each MongoDB command. */
public final class ThreadRecordingCommandListener implements CommandListener {

    /** A command and the thread it was issued from. */
    public record Call(String command, String thread) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public final List<String> log = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        calls.add(new Call(event.getCommandName(), Thread.currentThread().getName()));
        log.add(System.nanoTime() / 1_000_000 + " start " + event.getCommandName() + " " + event.getRequestId() + " "
                + Thread.currentThread().getName());
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        log.add(System.nanoTime() / 1_000_000 + " ok " + event.getCommandName() + " " + event.getRequestId() + " "
                + Thread.currentThread().getName());
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        log.add(System.nanoTime() / 1_000_000 + " FAIL " + event.getCommandName() + " " + event.getRequestId() + " "
                + event.getThrowable());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void clear() {
        calls.clear();
    }
}
