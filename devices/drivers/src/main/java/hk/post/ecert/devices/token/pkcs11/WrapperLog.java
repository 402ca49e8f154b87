package hk.post.ecert.devices.token.pkcs11;

import org.xipki.pkcs11.wrapper.Logger;

import java.util.logging.Level;

/**
 * Routes the PKCS#11 wrapper's log to java.util.logging. Its per-call INFO lines (every C_OpenSession) are FINE
 * here: a counter PC's log is for people, not for call traces.
 */
final class WrapperLog implements Logger {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("hk.post.ecert.devices.token.pkcs11.wrapper");

    private static void log(Level level, String format, Object... args) {
        if (LOG.isLoggable(level)) {
            String text = format;
            for (Object a : args) {
                text = text.replaceFirst("\\{}", java.util.regex.Matcher.quoteReplacement(String.valueOf(a)));
            }
            LOG.log(level, text);
        }
    }

    @Override
    public void info(String format, Object... args) {
        log(Level.FINE, format, args);
    }

    @Override
    public void warn(String format, Object... args) {
        log(Level.WARNING, format, args);
    }

    @Override
    public void error(String format, Object... args) {
        log(Level.SEVERE, format, args);
    }

    @Override
    public void debug(String format, Object... args) {
        log(Level.FINER, format, args);
    }

    @Override
    public void trace(String format, Object... args) {
        log(Level.FINEST, format, args);
    }

    @Override
    public boolean isDebugEnabled() {
        return LOG.isLoggable(Level.FINER);
    }

    @Override
    public boolean isInfoEnabled() {
        return LOG.isLoggable(Level.FINE);
    }

    @Override
    public boolean isWarnEnabled() {
        return LOG.isLoggable(Level.WARNING);
    }

    @Override
    public boolean isTraceEnabled() {
        return LOG.isLoggable(Level.FINEST);
    }
}
