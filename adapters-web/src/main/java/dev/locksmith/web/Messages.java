package dev.locksmith.web;

import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the console tells people: reasons, policy violations and requirements in plain words. Stateless. */
final class Messages {
    private Messages() {}

    /** A refusal or failure, in words (the reason's code stays machine-readable in the audit trail). */
    static String reason(Reason reason) {
        return switch (reason) {
            case DENIED_ACTOR_UNKNOWN, DENIED_ACTOR_DISABLED -> "Your account may no longer do this. Sign in again.";
            case DENIED_PASSWORD_CHANGE_REQUIRED -> "You must change your password first.";
            case DENIED_NOT_PERMITTED -> "You are not allowed to do this.";
            case DENIED_TARGET_IS_ADMINISTRATOR ->
                "Only an administrator may change an administrator's password or"
                        + " reset an administrator's failed logins.";
            case DENIED_TARGET_MANAGED_BY_PROVIDER ->
                "This user's password is managed by a security provider (a" + " directory); it cannot be set here.";
            case DENIED_SELF_TARGET -> "Use My account to change your own password.";
            case DENIED_NOT_LOCAL -> "Your password is managed by a security provider; change it there.";
            case DENIED_LAST_ADMINISTRATOR -> "The appliance must keep at least one enabled administrator.";
            case DENIED_SELF_ADMINISTRATION -> "You cannot delete or disable your own account.";
            case DENIED_WRONG_CURRENT_PASSWORD -> "The current password is not correct.";
            case NOT_FOUND -> "No such user.";
            case POLICY_VIOLATED -> "The password does not meet the password policy.";
            case CONFLICT -> "The user was changed by someone else at the same time. Try again.";
            case ALREADY_EXISTS -> "A user with that username already exists.";
            case MAIL_NOT_CONFIGURED -> "Email is not configured.";
            case MAIL_NO_ADDRESS -> "The user has no email address.";
            case MAIL_DELIVERY_FAILED -> "The email could not be sent; nothing was changed.";
            case MAIL_OUTCOME_UNKNOWN ->
                "It is not known whether the email was sent; nothing was changed. Check"
                        + " with the user before trying again.";
            case HASH_UNSUPPORTED -> "The stored password cannot be checked. Ask an administrator.";
            case BUSY -> "The server is busy. Try again in a moment.";
            case PROVIDER_UNREACHABLE -> "The directory could not be reached. Try again later.";
            case UNAVAILABLE -> "The service is unavailable. Try again later.";
            case OUTCOME_UNKNOWN -> "It is not known whether the change was saved. Look before trying again.";
            case INVALID_INPUT -> "The input is not valid.";
        };
    }

    /** One policy violation, in words. */
    static String violation(PolicyViolation violation) {
        String p = switch (violation.code()) {
            case TOO_SHORT ->
                "It is too short: use at least " + violation.parameters().get("minimum") + " characters.";
            case TOO_LONG ->
                "It is too long: use at most " + violation.parameters().get("maximum") + " characters.";
            case CONTROL_CHARACTERS -> "It contains control characters.";
            case NOT_COMPLEX ->
                "It must use at least " + violation.parameters().get("required")
                        + " of: upper-case letters, lower-case letters, digits, other characters.";
            case TOO_FEW_UPPERCASE ->
                "It needs at least " + violation.parameters().get("minimum") + " upper-case letters.";
            case TOO_FEW_LOWERCASE ->
                "It needs at least " + violation.parameters().get("minimum") + " lower-case letters.";
            case TOO_FEW_DIGITS -> "It needs at least " + violation.parameters().get("minimum") + " digits.";
            case TOO_FEW_OTHER -> "It needs at least " + violation.parameters().get("minimum") + " other characters.";
            case CONTAINS_USER_INFORMATION ->
                "It contains the user's " + context(violation.parameters().get("context")) + ".";
            case COMMON_PASSWORD -> "It is a common or breached password.";
            case BANNED_WORD -> "It contains a word the administrator banned.";
            case TOO_WEAK ->
                "It is too easy to guess (strength " + violation.parameters().get("score") + " of 4, at least "
                        + violation.parameters().get("minimum") + " needed).";
            case SAME_AS_CURRENT -> "It is the same as the current password.";
            case RECENTLY_USED ->
                "It was used recently (the last " + violation.parameters().get("history")
                        + " passwords may not be reused).";
        };
        return p;
    }

    private static String context(String field) {
        if (field == null) {
            return "details";
        }
        return switch (field) {
            case "username" -> "username";
            case "displayName" -> "display name";
            case "email" -> "email name";
            default -> "details";
        };
    }

    /** The policy's requirements, shown before a password is typed. */
    static List<String> requirements(PasswordPolicy policy, boolean ownChange) {
        List<String> out = new ArrayList<>();
        out.add("From " + policy.minLength() + " to " + policy.maxLength() + " characters; spaces and any printable"
                + " character allowed.");
        if (policy.complex()) {
            out.add("At least 3 of: upper-case letters, lower-case letters, digits, other characters.");
        }
        addMinimum(out, policy.minUppercase(), "upper-case letters");
        addMinimum(out, policy.minLowercase(), "lower-case letters");
        addMinimum(out, policy.minDigits(), "digits");
        addMinimum(out, policy.minOther(), "other characters");
        out.add("Not the username, a display name or the email name (or containing them).");
        out.add("Not a common or breached password, nor containing a banned word.");
        if (policy.minStrength() > 0) {
            out.add("Estimated strength at least " + policy.minStrength() + " of 4.");
        }
        if (ownChange) {
            out.add(
                    policy.historySize() > 0
                            ? "Different from the current password and the previous " + policy.historySize() + "."
                            : "Different from the current password.");
        }
        return out;
    }

    private static void addMinimum(List<String> out, int minimum, String what) {
        if (minimum > 0) {
            out.add("At least " + minimum + " " + what + ".");
        }
    }

    /** A duration as people read it. */
    static String duration(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
    }
}
