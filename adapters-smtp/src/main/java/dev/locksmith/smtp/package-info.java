/**
 * The SMTP adapter of Locksmith: {@link dev.locksmith.smtp.SmtpMailer} implements core's
 * {@link dev.locksmith.core.port.Mailer} with Jakarta Mail (Angus), configured by
 * {@link dev.locksmith.smtp.SmtpSettings}, which always name a relay: a host without one gives Locksmith no
 * mailer, and core's own "mail not configured" applies. Everything else in the package is an internal helper.
 */
package dev.locksmith.smtp;
