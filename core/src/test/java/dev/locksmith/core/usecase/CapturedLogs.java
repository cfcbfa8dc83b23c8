package dev.locksmith.core.usecase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log record of Locksmith's loggers at every level. {@link System.Logger} goes to
 * java.util.logging when no other finder is installed, as in these tests. Use in try-with-resources.
 */
final class CapturedLogs extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.locksmith");
    private final Level previous;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    CapturedLogs() {
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** Every record as text: the formatted message, its raw parameters and the thrown exception's messages. */
    List<String> texts() {
        return records.stream()
                .map(r -> {
                    StringBuilder text = new StringBuilder(formatter.format(r));
                    text.append(' ').append(r.getMessage());
                    if (r.getParameters() != null) {
                        for (Object p : r.getParameters()) {
                            text.append(' ').append(p);
                        }
                    }
                    for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                        text.append(' ').append(t);
                    }
                    return text.toString();
                })
                .toList();
    }

    List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
