/**
 * The SMTP adapter of Locksmith: {@link dev.locksmith.smtp.SmtpMailer} implements core's
 * {@link dev.locksmith.core.port.Mailer} with Jakarta Mail (Angus), configured by
 * {@link dev.locksmith.smtp.SmtpSettings}. Everything else in the package is an internal helper.
 */
package dev.locksmith.smtp;
