package dev.locksmith.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every log record of this adapter (System.Logger routes to java.util.logging by default) and of Angus
 * Mail at FINER while open, so a test can prove no secret was logged. FINEST on Angus's "protocol" logger is the
 * wire trace, which a host must not enable (documented on SmtpMailer); FINER is everything else.
 */
final class LogCapture implements AutoCloseable {
    private static final String[] LOGGERS = {"dev.locksmith.smtp", "org.eclipse.angus.mail", "jakarta.mail"};

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    LogCapture() {
        handler.setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            loggers.add(logger);
            previousLevels.add(logger.getLevel());
            logger.setLevel(name.startsWith("dev.") ? Level.ALL : Level.FINER);
            logger.addHandler(handler);
        }
    }

    /** Each record's logger, level, message, parameters and thrown exception chain, as one text per record. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (LogRecord record : records) {
            StringBuilder text =
                    new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " " + record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(' ').append(t);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(handler);
            loggers.get(i).setLevel(previousLevels.get(i));
        }
    }
}
