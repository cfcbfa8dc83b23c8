package dev.locksmith.web;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.PolicyViolationException;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.ChangeOwnPassword;
import dev.locksmith.core.usecase.ChangePolicy;
import dev.locksmith.core.usecase.CreateUser;
import dev.locksmith.core.usecase.DeleteUser;
import dev.locksmith.core.usecase.EditUser;
import dev.locksmith.core.usecase.GenerateTemporaryPassword;
import dev.locksmith.core.usecase.IssueResetLink;
import dev.locksmith.core.usecase.OpenChangePasswordForm;
import dev.locksmith.core.usecase.ReadAuditTrail;
import dev.locksmith.core.usecase.ReadPolicy;
import dev.locksmith.core.usecase.RedeemResetLink;
import dev.locksmith.core.usecase.ResetFailedLogins;
import dev.locksmith.core.usecase.SearchUsers;
import dev.locksmith.core.usecase.SetPassword;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Locksmith web console: the product's Users pages as one Jakarta Servlet, server-rendered, working without
 * JavaScript. Mount it at a path of its own ({@code /console/*}) in any Servlet 6 container, or run it with
 * {@link WebServer}. Every decision is core's: the console only shows what the use cases answer.
 *
 * <p>Security: its own sessions (see {@link Sessions}) in a cookie that is HttpOnly, SameSite=Strict and Secure
 * over TLS, with a new identifier at sign-in and idle and absolute timeouts; a per-session CSRF token checked on
 * every POST before anything else (a POST without it, with a wrong one, or with a query string changes nothing);
 * a Content-Security-Policy with no script at all and {@code frame-ancestors 'none'}; {@code no-store} on every
 * page; passwords only in POST bodies, never logged; sign-in through core's {@code Authenticate} (its lockout).
 * Thread-safe.
 */
public final class LocksmithConsole extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger("dev.locksmith.web");

    /** The session cookie's name. */
    public static final String COOKIE = "locksmith_session";
    /** The Content-Security-Policy of every response: no script, no frames, forms to this origin only. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final int PAGE_SIZE = 25;
    private static final int AUDIT_PAGE = 50;
    private static final Map<String, String> PASSWORD_LABELS = Map.of(
            "newPassword",
            "New password",
            "confirmPassword",
            "Confirm new password",
            "currentPassword",
            "Current password",
            "emailPassword",
            "Email password to user",
            "token",
            "Reset link");

    private final transient Locksmith locksmith;
    private final transient ConsoleSettings settings;
    private final transient Sessions sessions;

    /** A console over {@code locksmith}, with its {@code settings}. */
    public LocksmithConsole(Locksmith locksmith, ConsoleSettings settings) {
        this.locksmith = Objects.requireNonNull(locksmith, "locksmith");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sessions = new Sessions(
                settings.clock(), settings.idleTimeout(), settings.absoluteTimeout(), settings.maxSessions());
    }

    /** Thrown to end a request with a page already written. */
    private static final class Done extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Done() {
            super(null, null, false, false);
        }
    }

    /** One request and its response. */
    private final class Exchange {
        final HttpServletRequest req;
        final HttpServletResponse res;
        final String base;
        final String path;
        Optional<Sessions.Session> session;

        Exchange(HttpServletRequest req, HttpServletResponse res) {
            this.req = req;
            this.res = res;
            this.base = req.getContextPath() + req.getServletPath();
            String info = req.getPathInfo();
            this.path = info == null || info.isEmpty() ? "/" : info;
            this.session = sessions.find(cookie(req));
        }

        boolean post() {
            return "POST".equals(req.getMethod());
        }

        String param(String name) {
            String value = req.getParameter(name);
            return value == null ? "" : value;
        }

        boolean checked(String name) {
            return "on".equals(req.getParameter(name));
        }

        Sessions.Session session() {
            return session.orElseThrow();
        }

        Username actor() {
            return session().user.orElseThrow();
        }

        String url(String to) {
            return base + to;
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        securityHeaders(res);
        String method = req.getMethod();
        if (!"GET".equals(method) && !"POST".equals(method) && !"HEAD".equals(method)) {
            res.setHeader("Allow", "GET, HEAD, POST");
            res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Exchange x = new Exchange(req, res);
        try {
            route(x);
        } catch (Done done) {
            // the page is written
        } catch (LocksmithException e) {
            failure(x, e);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "console request failed: " + e.getClass().getName());
            page(
                    x,
                    500,
                    "Something went wrong",
                    Html.of("<p>The request could not be completed. Try again later.</p>"));
        }
    }

    private static void securityHeaders(HttpServletResponse res) {
        res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("Pragma", "no-cache");
    }

    private void route(Exchange x) throws IOException {
        if (x.path.equals("/static/console.css")) {
            stylesheet(x);
            return;
        }
        if (x.post()) {
            requireCsrf(x);
        }
        switch (x.path) {
            case "/login" -> {
                if (x.post()) {
                    signIn(x);
                } else {
                    signInPage(x, new Form(), 200);
                }
                return;
            }
            case "/reset" -> {
                if (x.post()) {
                    redeem(x);
                } else {
                    resetPage(x, new Form().value("token", x.param("token")), 200);
                }
                return;
            }
            case "/logout" -> {
                if (x.post()) {
                    x.session.ifPresent(sessions::remove);
                    expireCookie(x);
                    redirect(x, "/login");
                } else {
                    notFound(x);
                }
                return;
            }
            default -> {}
        }
        if (x.session.isEmpty() || x.session.get().user.isEmpty()) {
            redirect(x, "/login");
            return;
        }
        if (x.session().mustChange && !x.path.equals("/account")) {
            redirect(x, "/account");
            return;
        }
        switch (x.path) {
            case "/" -> redirect(x, x.session().role == Sessions.Role.USER ? "/account" : "/users");
            case "/account" -> {
                if (x.post()) {
                    changeOwn(x);
                } else {
                    accountPage(x, new Form(), 200);
                }
            }
            case "/users" -> get(x, () -> usersPage(x));
            case "/users/password" -> {
                if (x.post()) {
                    setPassword(x);
                } else {
                    passwordPage(x, x.param("u"), new Form().value("mustChange", ""), Optional.empty(), 200);
                }
            }
            case "/users/reset" -> post(x, () -> resetFailedLogins(x));
            case "/users/reset-link" -> post(x, () -> issueResetLink(x));
            case "/users/new" -> {
                if (x.post()) {
                    createUser(x);
                } else {
                    userForm(x, Optional.empty(), new Form().value("mustChange", "on"), 200);
                }
            }
            case "/users/edit" -> {
                if (x.post()) {
                    editUser(x);
                } else {
                    editPage(x);
                }
            }
            case "/users/delete" -> {
                if (x.post()) {
                    deleteUser(x);
                } else {
                    deletePage(x);
                }
            }
            case "/policy" -> {
                if (x.post()) {
                    changePolicy(x);
                } else {
                    policyPage(x, Optional.empty(), new Form(), 200);
                }
            }
            case "/mail" -> get(x, () -> mailPage(x, new Form(), 200));
            case "/mail/test" -> post(x, () -> sendTestMail(x));
            case "/audit" -> get(x, () -> auditPage(x));
            default -> notFound(x);
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private void get(Exchange x, Action action) throws IOException {
        if (x.post()) {
            notFound(x);
        } else {
            action.run();
        }
    }

    private void post(Exchange x, Action action) throws IOException {
        if (x.post()) {
            action.run();
        } else {
            notFound(x);
        }
    }

    // ---- sessions, CSRF, cookies ----

    private static String cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Every POST: a live session whose CSRF token the form carries, and no query string (passwords stay out of URLs). */
    private void requireCsrf(Exchange x) {
        boolean ok = x.req.getQueryString() == null
                && x.session.isPresent()
                && x.session.get().csrfMatches(x.req.getParameter("csrf"));
        if (!ok) {
            page(
                    x,
                    403,
                    "Form expired",
                    Html.of(
                            "<p>This form has expired or did not come from this console; nothing"
                                    + " was changed.</p><p><a href=\"{}\">Start again</a></p>",
                            x.url("/login")));
            throw new Done();
        }
    }

    /** The session of a page that shows a form before sign-in: the current one, or a new anonymous one. */
    private Sessions.Session anonymousSession(Exchange x) {
        if (x.session.isEmpty()) {
            Sessions.Session created = sessions.create();
            x.session = Optional.of(created);
            setCookie(x, created.id);
        }
        return x.session.get();
    }

    private void setCookie(Exchange x, String value) {
        String path = x.base.isEmpty() ? "/" : x.base;
        x.res.addHeader(
                "Set-Cookie",
                COOKIE + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                        + (x.req.isSecure() ? "; Secure" : ""));
    }

    private void expireCookie(Exchange x) {
        String path = x.base.isEmpty() ? "/" : x.base;
        x.res.addHeader(
                "Set-Cookie",
                COOKIE + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Strict"
                        + (x.req.isSecure() ? "; Secure" : ""));
    }

    private static Html csrf(Exchange x) {
        return Html.of("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", x.session().csrf);
    }

    private void flash(Exchange x, String message) {
        x.session().flash = message;
    }

    private void redirect(Exchange x, String to) {
        x.res.setStatus(HttpServletResponse.SC_SEE_OTHER);
        x.res.setHeader("Location", x.url(to));
    }

    private static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- sign-in, own password, reset links ----

    private void signInPage(Exchange x, Form form, int status) {
        anonymousSession(x);
        Html content = Html.of(
                """
                {}
                <form method="post" action="{}" class="narrow">{}
                <div class="field"><label for="username">Username</label>
                <input id="username" name="username" type="text" autocomplete="username" required value="{}"{}></div>
                <div class="field"><label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required{}>{}</div>
                <button type="submit">Sign in</button>
                </form>""",
                form.summary(Map.of("username", "Username", "password", "Password")),
                x.url("/login"),
                csrf(x),
                form.value("username"),
                form.describedBy("username"),
                form.describedBy("password"),
                form.fieldErrors("password"));
        page(x, status, "Sign in", content);
    }

    private void signIn(Exchange x) {
        String name = x.param("username");
        String secret = x.param("password");
        Form form = new Form().value("username", name);
        if (name.isBlank() || secret.isEmpty()) {
            signInPage(x, form.error("password", "Enter your username and password."), 400);
            return;
        }
        AuthenticationOutcome outcome;
        Username username;
        try {
            username = Username.of(name.strip());
            outcome = locksmith.authenticate().execute(new Authenticate.Command(username, Password.of(secret)));
        } catch (InvalidInputException e) {
            // A name or password that cannot exist: the same answer as a wrong password.
            signInPage(x, form.error("password", "The username or password is incorrect."), 401);
            return;
        }
        if (outcome.loggedIn() || outcome.passwordChangeRequired()) {
            Sessions.Role role = outcome.loggedIn() ? roleOf(username) : Sessions.Role.USER;
            Sessions.Session session = sessions.signIn(x.session, username, outcome.passwordChangeRequired(), role);
            x.session = Optional.of(session);
            setCookie(x, session.id);
            if (outcome.passwordChangeRequired()) {
                session.flash = outcome instanceof AuthenticationOutcome.PasswordExpired
                        ? "Your password has expired. Choose a new one to continue."
                        : "You must change your password before you continue.";
                redirect(x, "/account");
            } else {
                redirect(x, role == Sessions.Role.USER ? "/account" : "/users");
            }
            return;
        }
        String message;
        if (outcome instanceof AuthenticationOutcome.TemporaryPasswordExpired) {
            message = "Your temporary password has expired. Ask an administrator or a representative for a new one.";
        } else if (outcome instanceof AuthenticationOutcome.ProviderUnavailable) {
            message = "Your directory could not be reached. Try again later.";
        } else if (outcome instanceof AuthenticationOutcome.UseProvider) {
            message = "Sign in through your organisation's directory.";
        } else if (outcome instanceof AuthenticationOutcome.Disabled) {
            message = "This account is disabled.";
        } else {
            message = "The username or password is incorrect.";
        }
        signInPage(x, form.error("password", message), 401);
    }

    /** The signed-in user's standing, for the navigation (core still decides every request). */
    private Sessions.Role roleOf(Username user) {
        try {
            SearchUsers.Result result =
                    locksmith.searchUsers().execute(SearchUsers.Command.of(user, user.value(), Optional.empty(), 1));
            return result.view() == Authorization.View.FULL ? Sessions.Role.ADMINISTRATOR : Sessions.Role.PRIVILEGED;
        } catch (AccessDeniedException e) {
            return Sessions.Role.USER;
        }
    }

    private void accountPage(Exchange x, Form form, int status) {
        Sessions.Session session = x.session();
        PasswordPolicy policy = locksmith.readPolicy().execute(new ReadPolicy.Command(x.actor()));
        Html notice = Html.when(
                session.mustChange,
                Html.of("<p class=\"notice\">You must change your password before" + " you can do anything else.</p>"));
        Html content = Html.of(
                """
                {}<dl class="fields"><dt>Username</dt><dd>{}</dd></dl>
                <h2>Change your password</h2>
                {}
                <form method="post" action="{}" class="narrow">{}{}
                <div class="field"><label for="currentPassword">Current password</label>
                <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required{}>{}</div>
                {}
                <button type="submit">Change password</button>
                </form>""",
                notice,
                x.actor().value(),
                requirements(policy, true),
                x.url("/account"),
                csrf(x),
                form.summary(PASSWORD_LABELS),
                form.describedBy("currentPassword"),
                form.fieldErrors("currentPassword"),
                newPasswordFields(form, "", ""));
        page(x, status, "My account", content);
    }

    private void changeOwn(Exchange x) {
        Form form = new Form();
        String current = x.param("currentPassword");
        String fresh = x.param("newPassword");
        if (!checkNewPassword(x, form) || current.isEmpty()) {
            if (current.isEmpty()) {
                form.error("currentPassword", "Enter your current password.");
            }
            accountPage(x, form, 400);
            return;
        }
        try {
            locksmith
                    .changeOwnPassword()
                    .execute(new ChangeOwnPassword.Command(x.actor(), Password.of(current), Password.of(fresh)));
        } catch (PolicyViolationException e) {
            violations(form, e);
            accountPage(x, form, 400);
            return;
        } catch (AccessDeniedException e) {
            if (e.reason() == Reason.DENIED_WRONG_CURRENT_PASSWORD) {
                accountPage(x, form.error("currentPassword", Messages.reason(e.reason())), 400);
                return;
            }
            throw e;
        } catch (InvalidInputException e) {
            accountPage(x, form.error("newPassword", problem(e)), 400);
            return;
        }
        Sessions.Session session = x.session();
        boolean wasForced = session.mustChange;
        session.mustChange = false;
        if (wasForced) {
            session.role = roleOf(x.actor());
        }
        flash(x, "Your password was changed.");
        redirect(x, session.role == Sessions.Role.USER ? "/account" : "/users");
    }

    /** Checks the two new-password fields agree and are filled; records errors in {@code form}. */
    private static boolean checkNewPassword(Exchange x, Form form) {
        String fresh = x.param("newPassword");
        String confirm = x.param("confirmPassword");
        if (fresh.isEmpty()) {
            form.error("newPassword", "Enter a new password.");
            return false;
        }
        if (!fresh.equals(confirm)) {
            form.error("confirmPassword", "The two new passwords do not match.");
            return false;
        }
        return true;
    }

    private static void violations(Form form, PolicyViolationException e) {
        for (PolicyViolation violation : e.violations()) {
            form.error("newPassword", Messages.violation(violation));
        }
    }

    private static String problem(InvalidInputException e) {
        String problem = e.parameters().getOrDefault("problem", "is not valid");
        return "It " + problem + ".";
    }

    private static Html newPasswordFields(Form form, String value, String hint) {
        Html valueAttr = value.isEmpty() ? Html.EMPTY : Html.of(" value=\"{}\"", value);
        return Html.of(
                """
                <div class="field"><label for="newPassword">New password</label>
                <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required{}{}>{}</div>
                <div class="field"><label for="confirmPassword">Confirm new password</label>
                <input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" required{}{}>{}</div>""",
                valueAttr,
                form.describedBy("newPassword", hint.isEmpty() ? "requirements" : hint),
                form.fieldErrors("newPassword"),
                valueAttr,
                form.describedBy("confirmPassword"),
                form.fieldErrors("confirmPassword"));
    }

    private static Html requirements(PasswordPolicy policy, boolean own) {
        List<Html> items = new ArrayList<>();
        for (String requirement : Messages.requirements(policy, own)) {
            items.add(Html.of("<li>{}</li>", requirement));
        }
        return Html.of(
                "<section class=\"requirements\" aria-labelledby=\"requirements-title\"><h2 id=\"requirements-title\">"
                        + "Password requirements</h2><ul id=\"requirements\">{}</ul></section>",
                Html.join(items));
    }

    private void resetPage(Exchange x, Form form, int status) {
        anonymousSession(x);
        String token = form.value("token");
        if (token.isEmpty()) {
            page(
                    x,
                    400,
                    "Reset your password",
                    Html.of("<p>This page is reached from a reset link sent by email."
                            + " Ask for a new link if yours does not work.</p>"));
            return;
        }
        Html content = Html.of(
                """
                <p>Choose a new password for your account. The link works once.</p>
                <section class="requirements" aria-labelledby="requirements-title"><h2 id="requirements-title">Password requirements</h2>
                <ul id="requirements"><li>Long enough for the site's policy (15 characters unless the administrator chose otherwise); spaces and any printable character allowed.</li>
                <li>Not your username, display name or email name; not a common password; not your current or a recent password.</li></ul></section>
                <form method="post" action="{}" class="narrow">{}{}
                <input type="hidden" name="token" value="{}">
                {}
                <button type="submit">Set new password</button>
                </form>""", x.url("/reset"), csrf(x), form.summary(PASSWORD_LABELS), token, newPasswordFields(form, "", ""));
        page(x, status, "Reset your password", content);
    }

    private void redeem(Exchange x) {
        String token = x.param("token");
        Form form = new Form().value("token", token);
        if (!checkNewPassword(x, form)) {
            resetPage(x, form, 400);
            return;
        }
        try {
            locksmith
                    .redeemResetLink()
                    .execute(new RedeemResetLink.Command(token, Password.of(x.param("newPassword"))));
        } catch (PolicyViolationException e) {
            violations(form, e);
            resetPage(x, form, 400);
            return;
        } catch (InvalidInputException e) {
            if ("token".equals(e.field())) {
                page(
                        x,
                        400,
                        "Reset link not valid",
                        Html.of(
                                "<p class=\"error-text\" role=\"alert\">This reset link is"
                                        + " invalid, already used or expired. Ask for a new one.</p><p><a href=\"{}\">Sign in</a></p>",
                                x.url("/login")));
                return;
            }
            resetPage(x, form.error("newPassword", problem(e)), 400);
            return;
        }
        page(
                x,
                200,
                "Password changed",
                Html.of(
                        "<p role=\"status\">Your password was changed.</p>" + "<p><a href=\"{}\">Sign in</a></p>",
                        x.url("/login")));
    }

    // ---- users ----

    private void usersPage(Exchange x) {
        String text = x.param("q");
        String after = x.param("after");
        SearchUsers.Result result = locksmith
                .searchUsers()
                .execute(SearchUsers.Command.of(
                        x.actor(), text, after.isEmpty() ? Optional.empty() : Optional.of(after), PAGE_SIZE));
        boolean full = result.view() == Authorization.View.FULL;
        x.session().role = full ? Sessions.Role.ADMINISTRATOR : Sessions.Role.PRIVILEGED;
        List<Html> rows = new ArrayList<>();
        for (SearchUsers.Row row : result.page().items()) {
            rows.add(userRow(x, row, text));
        }
        Html next = result.page()
                .nextCursor()
                .map(cursor -> Html.of(
                        "<nav aria-label=\"Pages\" class=\"pages\">" + "<a href=\"{}\">Next page</a></nav>",
                        x.url("/users?" + query("q", text) + "&" + query("after", cursor))))
                .orElse(Html.EMPTY);
        Html intro = full
                ? Html.of("<p><a class=\"button\" href=\"{}\">Create user</a></p>", x.url("/users/new"))
                : Html.of("<p class=\"notice\">Limited view: you may change the passwords of local users who are not"
                        + " administrators, and reset failed logins of users who are not administrators.</p>");
        Html header = full ? Html.of("<th scope=\"col\">Permissions</th><th scope=\"col\">Enabled</th>") : Html.EMPTY;
        Html table = rows.isEmpty()
                ? Html.of("<p role=\"status\">No users match.</p>")
                : Html.of("""
                        <table><caption>Users{}</caption><thead><tr><th scope="col">Username</th><th scope="col">Display names</th>
                        <th scope="col">Email</th><th scope="col">Failed logins</th><th scope="col">Locked</th><th scope="col">Source</th>
                        {}<th scope="col">Actions</th></tr></thead><tbody>{}</tbody></table>""", text.isEmpty() ? "" : " matching \u201c" + text + "\u201d", header, Html.join(rows));
        Html content = Html.of("""
                {}
                <form method="get" action="{}" role="search" class="search">
                <label for="q">Search users</label>
                <input id="q" name="q" type="search" value="{}" aria-describedby="q-hint">
                <button type="submit">Search</button>
                <p id="q-hint" class="hint">Matches usernames, display names and email addresses.</p>
                </form>
                {}{}""", intro, x.url("/users"), text, table, next);
        page(x, 200, "Users", content);
    }

    private Html userRow(Exchange x, SearchUsers.Row row, String text) {
        String u = row.username().value();
        List<Html> actions = new ArrayList<>();
        if (row.affordances().contains(SearchUsers.Affordance.CHANGE_PASSWORD)) {
            actions.add(Html.of(
                    "<a href=\"{}\">Change password<span class=\"visually-hidden\"> of {}</span></a>",
                    x.url("/users/password?" + query("u", u)),
                    u));
        }
        if (row.affordances().contains(SearchUsers.Affordance.RESET_FAILED_LOGINS)
                && (row.failedLogins() > 0 || row.locked())) {
            actions.add(Html.of(
                    "<form method=\"post\" action=\"{}\" class=\"inline\">{}<input type=\"hidden\" name=\"u\""
                            + " value=\"{}\"><input type=\"hidden\" name=\"q\" value=\"{}\"><button type=\"submit\" class=\"secondary\">"
                            + "Reset<span class=\"visually-hidden\"> failed logins of {}</span></button></form>",
                    x.url("/users/reset"),
                    csrf(x),
                    u,
                    text,
                    u));
        }
        if (row.affordances().contains(SearchUsers.Affordance.EDIT)) {
            actions.add(Html.of(
                    "<a href=\"{}\">Edit<span class=\"visually-hidden\"> {}</span></a>",
                    x.url("/users/edit?" + query("u", u)),
                    u));
        }
        if (row.affordances().contains(SearchUsers.Affordance.DELETE)) {
            actions.add(Html.of(
                    "<a href=\"{}\">Delete<span class=\"visually-hidden\"> {}</span></a>",
                    x.url("/users/delete?" + query("u", u)),
                    u));
        }
        String names =
                row.publicName().equals(row.privateName()) || row.privateName().isEmpty()
                        ? row.publicName()
                        : row.publicName() + " / " + row.privateName();
        String source = row.source() instanceof Source.Provider p ? p.name() : "Local";
        Html extra = row.details()
                .map(d -> Html.of("<td>{}</td><td>{}</td>", permissions(d.permissions()), d.enabled() ? "Yes" : "No"))
                .orElse(Html.EMPTY);
        return Html.of(
                "<tr data-user=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>{}"
                        + "<td class=\"actions\">{}</td></tr>",
                u,
                u,
                names,
                row.email().map(EmailAddress::value).orElse(""),
                row.failedLogins(),
                row.locked() ? "Locked" : "No",
                source,
                extra,
                Html.join(actions));
    }

    private static String permissions(Set<Permission> permissions) {
        List<String> names = new ArrayList<>();
        if (permissions.contains(Permission.ADMINISTRATOR)) {
            names.add("Administrator");
        }
        if (permissions.contains(Permission.SET_PASSWORDS)) {
            names.add("Allowed to set passwords");
        }
        return names.isEmpty() ? "\u2014" : String.join(", ", names);
    }

    private void passwordPage(Exchange x, String target, Form form, Optional<String> generated, int status) {
        Username username = username(x, target);
        OpenChangePasswordForm.Result user =
                locksmith.openChangePasswordForm().execute(new OpenChangePasswordForm.Command(x.actor(), username));
        String email = user.email().map(EmailAddress::value).orElse("");
        Html emailOption = user.emailPasswordOffered()
                ? Html.of(
                        """
                        <div class="check"><input id="emailPassword" name="emailPassword" type="checkbox"{}{}>
                        <label for="emailPassword">Email password to user</label>
                        <p id="emailPassword-hint" class="hint">Sends the new password to {}; the user must then change it at next login.</p>{}</div>""",
                        Html.when(form.checked("emailPassword"), Html.of(" checked")),
                        form.describedBy("emailPassword", "emailPassword-hint"),
                        email,
                        form.fieldErrors("emailPassword"))
                : Html.of(
                        "<p class=\"hint\">{}</p>",
                        user.email().isEmpty()
                                ? "Email password to user is not available: the user has no email address."
                                : "Email password to user is not available: email is not configured.");
        Html generatedNote = generated
                .map(g -> Html.of(
                        "<p class=\"notice\" id=\"generated-note\">Generated password:"
                                + " <code id=\"generated\">{}</code> (filled in below; give it to the user or email it).</p>",
                        g))
                .orElse(Html.EMPTY);
        boolean linkOffered = user.emailPasswordOffered()
                && locksmith.offersResetLinks()
                && settings.publicAddress().isPresent();
        Html resetLink =
                linkOffered ? Html.of("""
                        <h2>Or email a reset link</h2>
                        <form method="post" action="{}" class="narrow">{}<input type="hidden" name="u" value="{}">
                        <p id="reset-link-hint" class="hint">Sends {} a link that sets a new password once, and expires. The current password keeps working until then.</p>
                        <button type="submit" class="secondary" aria-describedby="reset-link-hint">Email a reset link</button></form>""", x.url("/users/reset-link"), csrf(x), username.value(), email) : Html.EMPTY;
        Html content = Html.of(
                """
                <dl class="fields">
                <dt>Username</dt><dd id="f-username">{}</dd>
                <dt>Public display name</dt><dd>{}</dd>
                <dt>Private display name</dt><dd>{}</dd>
                <dt>Email address</dt><dd>{}</dd>
                <dt>Comments</dt><dd class="comments">{}</dd>
                </dl>
                {}
                <form method="post" action="{}" class="narrow">{}{}
                <input type="hidden" name="u" value="{}">
                {}{}
                {}
                <div class="check"><input id="mustChange" name="mustChange" type="checkbox"{} aria-describedby="mustChange-hint">
                <label for="mustChange">Must change password at next login</label>
                <p id="mustChange-hint" class="hint">The user may do nothing but change the password after signing in with it.</p></div>
                <div class="buttons"><button type="submit" name="action" value="set">Set password</button>
                <button type="submit" name="action" value="generate" class="secondary" formnovalidate>Generate</button></div>
                </form>
                {}
                <p><a href="{}">Back to users</a></p>""",
                user.username().value(),
                user.publicName(),
                user.privateName(),
                email.isEmpty() ? "\u2014" : email,
                user.comments().isEmpty() ? "\u2014" : user.comments(),
                requirements(user.policy(), false),
                x.url("/users/password"),
                csrf(x),
                form.summary(PASSWORD_LABELS),
                username.value(),
                generatedNote,
                newPasswordFields(form, generated.orElse(""), ""),
                emailOption,
                Html.when(form.checked("mustChange"), Html.of(" checked")),
                resetLink,
                x.url("/users"));
        page(x, status, "Change password for " + user.username().value(), content);
    }

    private Username username(Exchange x, String raw) {
        try {
            return Username.of(raw);
        } catch (InvalidInputException e) {
            notFound(x);
            throw new Done();
        }
    }

    private void setPassword(Exchange x) {
        String target = x.param("u");
        Form form = new Form()
                .value("emailPassword", x.checked("emailPassword") ? "on" : "")
                .value("mustChange", x.checked("mustChange") ? "on" : "");
        Username username = username(x, target);
        if ("generate".equals(x.param("action"))) {
            try (Password generated = locksmith
                    .generateTemporaryPassword()
                    .execute(new GenerateTemporaryPassword.Command(x.actor(), Optional.of(username)))) {
                form.value("mustChange", "on");
                passwordPage(x, target, form, Optional.of(new String(generated.toCharArray())), 200);
            }
            return;
        }
        if (!checkNewPassword(x, form)) {
            passwordPage(x, target, form, Optional.empty(), 400);
            return;
        }
        SetPassword.Result result;
        try {
            result = locksmith
                    .setPassword()
                    .execute(new SetPassword.Command(
                            x.actor(),
                            username,
                            Password.of(x.param("newPassword")),
                            x.checked("emailPassword"),
                            x.checked("mustChange")));
        } catch (PolicyViolationException e) {
            violations(form, e);
            passwordPage(x, target, form, Optional.empty(), 400);
            return;
        } catch (MailException e) {
            passwordPage(x, target, form.error("emailPassword", Messages.reason(e.reason())), Optional.empty(), 400);
            return;
        } catch (InvalidInputException e) {
            passwordPage(x, target, form.error("newPassword", problem(e)), Optional.empty(), 400);
            return;
        }
        flash(
                x,
                "The password of " + result.target().value() + " was set"
                        + (result.emailed() ? " and emailed to the user" : "")
                        + (result.mustChangePassword() ? "; the user must change it at next login." : "."));
        redirect(x, "/users?" + query("q", result.target().value()));
    }

    private void resetFailedLogins(Exchange x) {
        Username username = username(x, x.param("u"));
        locksmith.resetFailedLogins().execute(new ResetFailedLogins.Command(x.actor(), username));
        flash(x, "Failed logins of " + username.value() + " were reset.");
        redirect(x, "/users?" + query("q", x.param("q")));
    }

    private void issueResetLink(Exchange x) {
        Username username = username(x, x.param("u"));
        URI address = settings.publicAddress()
                .orElseThrow(() -> new MailException(
                        Reason.MAIL_NOT_CONFIGURED,
                        "the console has no public address for reset links",
                        Map.of(),
                        null));
        String page = address.toString().replaceAll("/+$", "") + "/reset";
        IssueResetLink.Result result;
        try {
            result = locksmith.issueResetLink().execute(IssueResetLink.Command.of(x.actor(), username, page));
        } catch (MailException e) {
            passwordPage(x, username.value(), new Form().general(Messages.reason(e.reason())), Optional.empty(), 400);
            return;
        }
        flash(
                x,
                "A reset link was emailed to " + result.to().value() + "; it works once, until " + result.expiresAt()
                        + ".");
        redirect(x, "/users?" + query("q", username.value()));
    }

    // ---- administration ----

    private Optional<SearchUsers.Row> fullRow(Exchange x, Username username) {
        Optional<String> cursor = Optional.empty();
        for (int pages = 0; pages < 20; pages++) {
            SearchUsers.Result result = locksmith
                    .searchUsers()
                    .execute(new SearchUsers.Command(
                            x.actor(),
                            new dev.locksmith.core.domain.UserSearch(username.value(), cursor.map(Username::of), 200)));
            if (result.view() != Authorization.View.FULL) {
                throw new AccessDeniedException(Reason.DENIED_NOT_PERMITTED, "administrators only", Map.of());
            }
            for (SearchUsers.Row row : result.page().items()) {
                if (row.username().equals(username)) {
                    return Optional.of(row);
                }
            }
            cursor = result.page().nextCursor();
            if (cursor.isEmpty()) {
                break;
            }
        }
        return Optional.empty();
    }

    private static final Map<String, String> USER_LABELS = Map.of(
            "username",
            "Username",
            "publicName",
            "Public display name",
            "privateName",
            "Private display name",
            "email",
            "Email address",
            "comments",
            "Comments",
            "newPassword",
            "Initial password",
            "confirmPassword",
            "Confirm initial password",
            "enabled",
            "Enabled");

    private void userForm(Exchange x, Optional<SearchUsers.Row> editing, Form form, int status) {
        requireAdministrator(x);
        boolean create = editing.isEmpty();
        Html usernameField = create
                ? Html.of(
                        "<div class=\"field\"><label for=\"username\">Username</label><input id=\"username\" name=\"username\""
                                + " type=\"text\" required value=\"{}\"{}>{}</div>",
                        form.value("username"),
                        form.describedBy("username"),
                        form.fieldErrors("username"))
                : Html.of(
                        "<dl class=\"fields\"><dt>Username</dt><dd>{}</dd></dl><input type=\"hidden\" name=\"u\" value=\"{}\">",
                        editing.get().username().value(),
                        editing.get().username().value());
        Html passwordFields = create
                ? Html.of(
                        """
                        <div class="field"><label for="newPassword">Initial password</label>
                        <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required{}>{}</div>
                        <div class="field"><label for="confirmPassword">Confirm initial password</label>
                        <input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" required{}>{}</div>
                        <div class="check"><input id="mustChange" name="mustChange" type="checkbox"{}>
                        <label for="mustChange">Must change password at next login</label></div>""",
                        form.describedBy("newPassword"),
                        form.fieldErrors("newPassword"),
                        form.describedBy("confirmPassword"),
                        form.fieldErrors("confirmPassword"),
                        Html.when(form.checked("mustChange"), Html.of(" checked")))
                : Html.of(
                        """
                        <div class="check"><input id="enabled" name="enabled" type="checkbox"{}{}>
                        <label for="enabled">Enabled</label>{}</div>""",
                        Html.when(form.checked("enabled"), Html.of(" checked")),
                        form.describedBy("enabled"),
                        form.fieldErrors("enabled"));
        Html content = Html.of(
                """
                <form method="post" action="{}" class="narrow">{}{}
                {}
                <div class="field"><label for="publicName">Public display name</label>
                <input id="publicName" name="publicName" type="text" value="{}"{}>{}</div>
                <div class="field"><label for="privateName">Private display name</label>
                <input id="privateName" name="privateName" type="text" value="{}"{}>{}</div>
                <div class="field"><label for="email">Email address</label>
                <input id="email" name="email" type="email" autocomplete="off" value="{}"{}>{}</div>
                <div class="field"><label for="comments">Comments</label>
                <textarea id="comments" name="comments" rows="3"{}>{}</textarea>{}</div>
                <fieldset><legend>Permissions</legend>
                <div class="check"><input id="administrator" name="administrator" type="checkbox"{}{}>
                <label for="administrator">Administrator</label>{}</div>
                <div class="check"><input id="setPasswords" name="setPasswords" type="checkbox"{}>
                <label for="setPasswords">Allowed to set passwords</label></div>
                </fieldset>
                {}
                <button type="submit">{}</button>
                </form>
                <p><a href="{}">Back to users</a></p>""",
                x.url(create ? "/users/new" : "/users/edit"),
                csrf(x),
                form.summary(USER_LABELS),
                usernameField,
                form.value("publicName"),
                form.describedBy("publicName"),
                form.fieldErrors("publicName"),
                form.value("privateName"),
                form.describedBy("privateName"),
                form.fieldErrors("privateName"),
                form.value("email"),
                form.describedBy("email"),
                form.fieldErrors("email"),
                form.describedBy("comments"),
                form.value("comments"),
                form.fieldErrors("comments"),
                Html.when(form.checked("administrator"), Html.of(" checked")),
                form.describedBy("administrator"),
                form.fieldErrors("administrator"),
                Html.when(form.checked("setPasswords"), Html.of(" checked")),
                passwordFields,
                create ? "Create user" : "Save changes",
                x.url("/users"));
        page(
                x,
                status,
                create ? "Create user" : "Edit user " + editing.get().username().value(),
                content);
    }

    private void requireAdministrator(Exchange x) {
        if (roleOf(x.actor()) != Sessions.Role.ADMINISTRATOR) {
            throw new AccessDeniedException(Reason.DENIED_NOT_PERMITTED, "administrators only", Map.of());
        }
    }

    private Form userFormValues(Exchange x) {
        Form form = new Form();
        for (String field : List.of("username", "publicName", "privateName", "email", "comments")) {
            form.value(field, x.param(field));
        }
        for (String check : List.of("administrator", "setPasswords", "mustChange", "enabled")) {
            form.value(check, x.checked(check) ? "on" : "");
        }
        return form;
    }

    /** The profile from the form, or empty with the errors recorded. */
    private static Optional<Profile> profile(Exchange x, Form form) {
        Optional<EmailAddress> email = Optional.empty();
        if (!x.param("email").isBlank()) {
            try {
                email = Optional.of(EmailAddress.of(x.param("email").strip()));
            } catch (InvalidInputException e) {
                form.error("email", "Enter an address of the form name@example.com.");
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new Profile(
                    x.param("publicName").strip(), x.param("privateName").strip(), email, x.param("comments")));
        } catch (InvalidInputException e) {
            form.error(e.field(), problem(e));
            return Optional.empty();
        }
    }

    private static Set<Permission> permissions(Exchange x) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (x.checked("administrator")) {
            permissions.add(Permission.ADMINISTRATOR);
        }
        if (x.checked("setPasswords")) {
            permissions.add(Permission.SET_PASSWORDS);
        }
        return permissions;
    }

    private void createUser(Exchange x) {
        Form form = userFormValues(x);
        Username username = null;
        try {
            username = Username.of(x.param("username").strip());
        } catch (InvalidInputException e) {
            form.error("username", problem(e));
        }
        Optional<Profile> profile = profile(x, form);
        checkNewPassword(x, form);
        if (form.hasErrors()) {
            userForm(x, Optional.empty(), form, 400);
            return;
        }
        try {
            locksmith
                    .createUser()
                    .execute(new CreateUser.Command(
                            x.actor(),
                            username,
                            profile.orElseThrow(),
                            permissions(x),
                            Password.of(x.param("newPassword")),
                            x.checked("mustChange")));
        } catch (PolicyViolationException e) {
            violations(form, e);
            userForm(x, Optional.empty(), form, 400);
            return;
        } catch (ConflictException e) {
            userForm(x, Optional.empty(), form.error("username", Messages.reason(e.reason())), 409);
            return;
        } catch (InvalidInputException e) {
            userFormRefusing(x, Optional.empty(), form, e, "newPassword");
            return;
        }
        flash(x, "User " + username.value() + " was created.");
        redirect(x, "/users?" + query("q", username.value()));
    }

    /** The user form again (400), the input error at its field, or at {@code otherwise} when the form has none. */
    private void userFormRefusing(
            Exchange x, Optional<SearchUsers.Row> row, Form form, InvalidInputException e, String otherwise) {
        userForm(x, row, form.error(USER_LABELS.containsKey(e.field()) ? e.field() : otherwise, problem(e)), 400);
    }

    private void editPage(Exchange x) {
        Username username = username(x, x.param("u"));
        SearchUsers.Row row = fullRow(x, username).orElseThrow(() -> new NotFoundException(username));
        SearchUsers.Details details = row.details().orElseThrow();
        Form form = new Form()
                .value("publicName", row.publicName())
                .value("privateName", row.privateName())
                .value("email", row.email().map(EmailAddress::value).orElse(""))
                .value("comments", details.comments())
                .value("administrator", details.permissions().contains(Permission.ADMINISTRATOR) ? "on" : "")
                .value("setPasswords", details.permissions().contains(Permission.SET_PASSWORDS) ? "on" : "")
                .value("enabled", details.enabled() ? "on" : "");
        userForm(x, Optional.of(row), form, 200);
    }

    private void editUser(Exchange x) {
        Username username = username(x, x.param("u"));
        SearchUsers.Row row = fullRow(x, username).orElseThrow(() -> new NotFoundException(username));
        Form form = userFormValues(x);
        Optional<Profile> profile = profile(x, form);
        if (profile.isEmpty()) {
            userForm(x, Optional.of(row), form, 400);
            return;
        }
        try {
            locksmith
                    .editUser()
                    .execute(new EditUser.Command(
                            x.actor(),
                            username,
                            profile,
                            Optional.of(x.checked("enabled")),
                            Optional.of(permissions(x))));
        } catch (AccessDeniedException e) {
            String field = e.reason() == Reason.DENIED_LAST_ADMINISTRATOR ? "administrator" : "enabled";
            userForm(x, Optional.of(row), form.error(field, Messages.reason(e.reason())), 403);
            return;
        } catch (InvalidInputException e) {
            userFormRefusing(x, Optional.of(row), form, e, "publicName");
            return;
        }
        flash(x, "User " + username.value() + " was saved.");
        redirect(x, "/users?" + query("q", username.value()));
    }

    private void deletePage(Exchange x) {
        Username username = username(x, x.param("u"));
        if (fullRow(x, username).isEmpty()) {
            throw new NotFoundException(username);
        }
        page(
                x,
                200,
                "Delete user " + username.value(),
                Html.of("""
                <p>Delete the account <strong>{}</strong>? This cannot be undone.</p>
                <form method="post" action="{}">{}<input type="hidden" name="u" value="{}">
                <button type="submit" class="danger">Delete user</button> <a href="{}">Cancel</a></form>""", username.value(), x.url("/users/delete"), csrf(x), username.value(), x.url("/users")));
    }

    private void deleteUser(Exchange x) {
        Username username = username(x, x.param("u"));
        locksmith.deleteUser().execute(new DeleteUser.Command(x.actor(), username));
        flash(x, "User " + username.value() + " was deleted.");
        redirect(x, "/users");
    }

    // ---- policy, mail, audit ----

    private static final String[][] POLICY_FIELDS = {
        {"minLength", "Minimum length (characters)"},
        {"maxLength", "Maximum length (characters)"},
        {"minUppercase", "Minimum upper-case letters"},
        {"minLowercase", "Minimum lower-case letters"},
        {"minDigits", "Minimum digits"},
        {"minOther", "Minimum other characters"},
        {"minStrength", "Minimum strength (0 to 4)"},
        {"historySize", "Previous passwords refused (0 to 24)"},
        {"maxAgeDays", "Maximum password age in days (empty: never expires)"},
        {"temporaryLifetimeHours", "Temporary password lifetime in hours (empty: no expiry)"},
        {"lockoutThreshold", "Failed logins before lockout (0: never)"},
        {"lockoutDurationMinutes", "Lockout duration in minutes (empty: until reset)"},
        {"lockoutWindowMinutes", "Failures counted within minutes (empty: the lockout duration)"},
        {"resetLinkLifetimeMinutes", "Reset links work for minutes (1 to 10080)"},
    };

    private void policyPage(Exchange x, Optional<PasswordPolicy> shown, Form form, int status) {
        PasswordPolicy policy =
                shown.orElseGet(() -> locksmith.readPolicy().execute(new ReadPolicy.Command(x.actor())));
        boolean editable = roleOf(x.actor()) == Sessions.Role.ADMINISTRATOR;
        if (!form.hasErrors()) {
            form.value("minLength", String.valueOf(policy.minLength()))
                    .value("maxLength", String.valueOf(policy.maxLength()))
                    .value("complex", policy.complex() ? "on" : "")
                    .value("minUppercase", String.valueOf(policy.minUppercase()))
                    .value("minLowercase", String.valueOf(policy.minLowercase()))
                    .value("minDigits", String.valueOf(policy.minDigits()))
                    .value("minOther", String.valueOf(policy.minOther()))
                    .value("minStrength", String.valueOf(policy.minStrength()))
                    .value("historySize", String.valueOf(policy.historySize()))
                    .value(
                            "maxAgeDays",
                            policy.maxAge().map(d -> String.valueOf(d.toDays())).orElse(""))
                    .value(
                            "temporaryLifetimeHours",
                            policy.temporaryLifetime()
                                    .map(d -> String.valueOf(d.toHours()))
                                    .orElse(""))
                    .value("lockoutThreshold", String.valueOf(policy.lockoutThreshold()))
                    .value(
                            "lockoutDurationMinutes",
                            policy.lockoutDuration()
                                    .map(d -> String.valueOf(d.toMinutes()))
                                    .orElse(""))
                    .value(
                            "lockoutWindowMinutes",
                            policy.lockoutWindow()
                                    .map(d -> String.valueOf(d.toMinutes()))
                                    .orElse(""))
                    .value(
                            "resetLinkLifetimeMinutes",
                            String.valueOf(policy.resetLinkLifetime().toMinutes()))
                    .value("bannedWords", String.join("\n", policy.bannedWords()));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        List<Html> fields = new ArrayList<>();
        Html disabled = Html.when(!editable, Html.of(" readonly"));
        for (String[] field : POLICY_FIELDS) {
            labels.put(field[0], field[1]);
            fields.add(Html.of(
                    "<div class=\"field\"><label for=\"{}\">{}</label><input id=\"{}\" name=\"{}\" type=\"text\""
                            + " inputmode=\"numeric\" value=\"{}\"{}{}>{}</div>",
                    field[0],
                    field[1],
                    field[0],
                    field[0],
                    form.value(field[0]),
                    disabled,
                    form.describedBy(field[0]),
                    form.fieldErrors(field[0])));
        }
        labels.put("complex", "Complex passwords");
        labels.put("bannedWords", "Banned words");
        Html content = Html.of(
                """
                {}
                <form method="post" action="{}" class="narrow">{}{}
                <div class="check"><input id="complex" name="complex" type="checkbox"{}{} aria-describedby="complex-hint">
                <label for="complex">Complex passwords</label>
                <p id="complex-hint" class="hint">At least 3 of: upper-case letters, lower-case letters, digits, other characters.</p></div>
                {}
                <div class="field"><label for="bannedWords">Banned words (one a line)</label>
                <textarea id="bannedWords" name="bannedWords" rows="4"{}{}>{}</textarea>{}</div>
                {}
                </form>""",
                Html.when(!editable, Html.of("<p class=\"notice\">Only administrators may change the policy.</p>")),
                x.url("/policy"),
                csrf(x),
                form.summary(labels),
                Html.when(form.checked("complex"), Html.of(" checked")),
                Html.when(!editable, Html.of(" disabled")),
                Html.join(fields),
                disabled,
                form.describedBy("bannedWords"),
                form.value("bannedWords"),
                form.fieldErrors("bannedWords"),
                Html.when(editable, Html.of("<button type=\"submit\">Save policy</button>")));
        page(x, status, "Password policy", content);
    }

    private void changePolicy(Exchange x) {
        // Core refuses anyone else too; asked first so that a refused caller learns nothing from the form checks.
        requireAdministrator(x);
        Form form = new Form();
        for (String[] field : POLICY_FIELDS) {
            form.value(field[0], x.param(field[0]).strip());
        }
        form.value("complex", x.checked("complex") ? "on" : "").value("bannedWords", x.param("bannedWords"));
        PasswordPolicy.Builder builder = PasswordPolicy.builder().complex(x.checked("complex"));
        builder.minLength(number(form, "minLength"))
                .maxLength(number(form, "maxLength"))
                .minUppercase(number(form, "minUppercase"))
                .minLowercase(number(form, "minLowercase"))
                .minDigits(number(form, "minDigits"))
                .minOther(number(form, "minOther"))
                .minStrength(number(form, "minStrength"))
                .historySize(number(form, "historySize"))
                .lockoutThreshold(number(form, "lockoutThreshold"))
                .maxAge(duration(form, "maxAgeDays", Duration.ofDays(1)))
                .temporaryLifetime(duration(form, "temporaryLifetimeHours", Duration.ofHours(1)))
                .lockoutDuration(duration(form, "lockoutDurationMinutes", Duration.ofMinutes(1)))
                .lockoutWindow(duration(form, "lockoutWindowMinutes", Duration.ofMinutes(1)))
                .resetLinkLifetime(
                        Optional.ofNullable(duration(form, "resetLinkLifetimeMinutes", Duration.ofMinutes(1)))
                                .orElse(PasswordPolicy.DEFAULT_RESET_LINK_LIFETIME));
        Set<String> words = new LinkedHashSet<>();
        for (String line : x.param("bannedWords").split("\r?\n", -1)) {
            if (!line.isBlank()) {
                words.add(line.strip());
            }
        }
        builder.bannedWords(words);
        if (form.hasErrors()) {
            policyPage(x, Optional.of(PasswordPolicy.nistDefault()), form, 400);
            return;
        }
        try {
            PasswordPolicy policy = builder.build();
            locksmith.changePolicy().execute(new ChangePolicy.Command(x.actor(), policy));
        } catch (InvalidInputException e) {
            String field = switch (e.field()) {
                case "maxAge" -> "maxAgeDays";
                case "temporaryLifetime" -> "temporaryLifetimeHours";
                case "lockoutDuration" -> "lockoutDurationMinutes";
                case "lockoutWindow" -> "lockoutWindowMinutes";
                case "resetLinkLifetime" -> "resetLinkLifetimeMinutes";
                default -> e.field();
            };
            policyPage(x, Optional.of(PasswordPolicy.nistDefault()), form.error(field, problem(e)), 400);
            return;
        }
        flash(x, "The password policy was saved.");
        redirect(x, "/policy");
    }

    private static int number(Form form, String field) {
        try {
            return Integer.parseInt(form.value(field));
        } catch (NumberFormatException e) {
            form.error(field, "Enter a whole number.");
            return 0;
        }
    }

    private static Duration duration(Form form, String field, Duration unit) {
        if (form.value(field).isEmpty()) {
            return null;
        }
        int n = number(form, field);
        return unit.multipliedBy(n);
    }

    private void mailPage(Exchange x, Form form, int status) {
        requireAdministrator(x);
        Map<String, String> shown = settings.mailSettings();
        Html details;
        if (shown.isEmpty()) {
            details =
                    Html.of("<p class=\"notice\">Email is not configured: \u201cEmail password to user\u201d and reset"
                            + " links are not offered. Start the console with mail settings to configure it.</p>");
        } else {
            List<Html> items = new ArrayList<>();
            shown.forEach((k, v) -> items.add(Html.of("<dt>{}</dt><dd>{}</dd>", k, v)));
            details = Html.of(
                    "<p>These settings are read-only here; they are set where the console is started.</p>"
                            + "<dl class=\"fields\">{}</dl>",
                    Html.join(items));
        }
        Html test = settings.mailTester().isPresent()
                ? Html.of(
                        """
                        <h2>Send test email</h2>
                        <form method="post" action="{}" class="narrow">{}{}
                        <div class="field"><label for="to">Send a test email to</label>
                        <input id="to" name="to" type="email" required value="{}"{}>{}</div>
                        <button type="submit">Send test email</button></form>""",
                        x.url("/mail/test"),
                        csrf(x),
                        form.summary(Map.of("to", "Send a test email to")),
                        form.value("to"),
                        form.describedBy("to"),
                        form.fieldErrors("to"))
                : Html.EMPTY;
        page(x, status, "Email configuration", Html.of("{}{}", details, test));
    }

    private void sendTestMail(Exchange x) {
        requireAdministrator(x);
        Form form = new Form().value("to", x.param("to"));
        ConsoleSettings.MailTester tester = settings.mailTester().orElseThrow(MailException::notConfigured);
        try {
            tester.sendTestMessage(EmailAddress.of(x.param("to").strip()));
        } catch (InvalidInputException e) {
            mailPage(x, form.error("to", "Enter an address of the form name@example.com."), 400);
            return;
        } catch (MailException e) {
            mailPage(x, form.error("to", Messages.reason(e.reason())), 502);
            return;
        }
        flash(x, "A test email was sent to " + x.param("to").strip() + ".");
        redirect(x, "/mail");
    }

    private void auditPage(Exchange x) {
        String user = x.param("user").strip();
        String before = x.param("before").strip();
        String action = x.param("action");
        String outcome = x.param("outcome");
        Form form = new Form().value("user", user).value("before", before);
        Optional<Username> who = Optional.empty();
        if (!user.isEmpty()) {
            try {
                who = Optional.of(Username.of(user));
            } catch (InvalidInputException e) {
                form.error("user", problem(e));
            }
        }
        Optional<Long> until = Optional.empty();
        if (!before.isEmpty()) {
            try {
                until = Optional.of(Long.parseLong(before));
            } catch (NumberFormatException e) {
                form.error("before", "Enter an event number.");
            }
        }
        Optional<Operation> actionFilter = Arrays.stream(Operation.values())
                .filter(a -> a.name().equals(action))
                .findFirst();
        Optional<AuditEvent.Outcome> outcomeFilter = Arrays.stream(AuditEvent.Outcome.values())
                .filter(o -> o.name().equals(outcome))
                .findFirst();
        boolean filtered = actionFilter.isPresent() || outcomeFilter.isPresent();
        List<AuditRecord> records = form.hasErrors()
                ? List.of()
                : locksmith
                        .readAuditTrail()
                        .execute(new ReadAuditTrail.Command(
                                x.actor(), new AuditTrail.Query(who, until, filtered ? 1000 : AUDIT_PAGE)));
        List<AuditRecord> shown = records.stream()
                .filter(r -> actionFilter.map(a -> r.event().action() == a).orElse(true))
                .filter(r -> outcomeFilter.map(o -> r.event().outcome() == o).orElse(true))
                .limit(AUDIT_PAGE)
                .toList();
        List<Html> rows = new ArrayList<>();
        for (AuditRecord r : shown) {
            AuditEvent e = r.event();
            List<String> details = new ArrayList<>();
            e.details().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(d -> details.add(d.getKey() + "=" + d.getValue()));
            rows.add(Html.of(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    r.sequence(),
                    e.at().toString(),
                    e.actor().map(Username::value).orElse("\u2014"),
                    e.action().name(),
                    e.target().map(Username::value).orElse("\u2014"),
                    e.outcome().name(),
                    e.code(),
                    String.join(", ", details)));
        }
        List<Html> actionOptions = new ArrayList<>();
        actionOptions.add(Html.of("<option value=\"\">Any</option>"));
        for (Operation a : Operation.values()) {
            actionOptions.add(Html.of(
                    "<option value=\"{}\"{}>{}</option>",
                    a.name(),
                    Html.when(actionFilter.orElse(null) == a, Html.of(" selected")),
                    a.name()));
        }
        List<Html> outcomeOptions = new ArrayList<>();
        outcomeOptions.add(Html.of("<option value=\"\">Any</option>"));
        for (AuditEvent.Outcome o : AuditEvent.Outcome.values()) {
            outcomeOptions.add(Html.of(
                    "<option value=\"{}\"{}>{}</option>",
                    o.name(),
                    Html.when(outcomeFilter.orElse(null) == o, Html.of(" selected")),
                    o.name()));
        }
        Html next = records.size() == (filtered ? 1000 : AUDIT_PAGE) || shown.size() == AUDIT_PAGE
                ? Html.of(
                        "<nav aria-label=\"Pages\" class=\"pages\"><a href=\"{}\">Older events</a></nav>",
                        x.url("/audit?" + query("user", user) + "&" + query("action", action) + "&"
                                + query("outcome", outcome) + "&"
                                + query(
                                        "before",
                                        String.valueOf(
                                                shown.get(shown.size() - 1).sequence()))))
                : Html.EMPTY;
        Html content = Html.of(
                """
                <form method="get" action="{}" class="filters">{}
                <div class="field"><label for="user">User (actor or target)</label><input id="user" name="user" type="text" value="{}"{}>{}</div>
                <div class="field"><label for="action">Action</label><select id="action" name="action">{}</select></div>
                <div class="field"><label for="outcome">Outcome</label><select id="outcome" name="outcome">{}</select></div>
                <div class="field"><label for="before">Before event number</label><input id="before" name="before" type="text" inputmode="numeric" value="{}"{}>{}</div>
                <button type="submit">Filter</button>
                </form>
                {}{}""",
                x.url("/audit"),
                form.summary(Map.of("user", "User", "before", "Before event number")),
                user,
                form.describedBy("user"),
                form.fieldErrors("user"),
                Html.join(actionOptions),
                Html.join(outcomeOptions),
                before,
                form.describedBy("before"),
                form.fieldErrors("before"),
                rows.isEmpty() ? Html.of("<p role=\"status\">No events match.</p>") : Html.of("""
                        <table><caption>Audit trail, newest first</caption><thead><tr><th scope="col">#</th><th scope="col">When</th>
                        <th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Outcome</th>
                        <th scope="col">Code</th><th scope="col">Details</th></tr></thead><tbody>{}</tbody></table>""", Html.join(rows)),
                next);
        page(x, 200, "Audit trail", content);
    }

    // ---- pages ----

    private void failure(Exchange x, LocksmithException e) {
        int status = switch (e.reason().kind()) {
            case DENIED -> 403;
            case NOT_FOUND -> 404;
            case INVALID_INPUT -> 400;
            case CONFLICT -> 409;
            case MAIL -> 502;
            case UNAVAILABLE -> 503;
            case OUTCOME_UNKNOWN -> 500;
        };
        if (e.reason() == Reason.DENIED_ACTOR_UNKNOWN || e.reason() == Reason.DENIED_ACTOR_DISABLED) {
            x.session.ifPresent(sessions::remove);
            expireCookie(x);
        }
        String title = status == 403 ? "Not allowed" : status == 404 ? "Not found" : "Could not be done";
        page(
                x,
                status,
                title,
                Html.of(
                        "<p class=\"error-text\" role=\"alert\" data-reason=\"{}\">{}</p>"
                                + "<p><a href=\"{}\">Back to users</a></p>",
                        e.reason().name(),
                        Messages.reason(e.reason()),
                        x.url("/users")));
    }

    private void notFound(Exchange x) {
        page(x, 404, "Not found", Html.of("<p>There is no such page.</p>"));
    }

    private void page(Exchange x, int status, String title, Html content) {
        Optional<Sessions.Session> session = x.session;
        String flash = session.map(Sessions.Session::takeFlash).orElse(null);
        Html nav = Html.EMPTY;
        if (session.isPresent() && session.get().user.isPresent()) {
            Sessions.Session s = session.get();
            List<Html> links = new ArrayList<>();
            if (!s.mustChange) {
                if (s.role != Sessions.Role.USER) {
                    links.add(link(x, "/users", "Users"));
                }
                if (s.role == Sessions.Role.ADMINISTRATOR) {
                    links.add(link(x, "/policy", "Password policy"));
                    links.add(link(x, "/mail", "Email"));
                    links.add(link(x, "/audit", "Audit trail"));
                }
            }
            links.add(link(x, "/account", "My account"));
            nav = Html.of(
                    """
                    <nav aria-label="Main"><ul>{}</ul></nav>
                    <form method="post" action="{}" class="signout">{}<span class="who">Signed in as {}</span>
                    <button type="submit" class="link">Sign out</button></form>""",
                    Html.join(links),
                    x.url("/logout"),
                    csrf(x),
                    s.user.get().value());
        }
        Html body = Html.of(
                """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{} \u2013 Locksmith</title><link rel="stylesheet" href="{}"></head>
                <body><a class="skip" href="#main">Skip to content</a>
                <header><p class="brand">Locksmith \u00b7 Users &amp; Security</p>{}</header>
                <main id="main"><h1>{}</h1>{}{}</main></body></html>
                """,
                title,
                x.url("/static/console.css"),
                nav,
                title,
                flash == null ? Html.EMPTY : Html.of("<div class=\"flash\" role=\"status\">{}</div>", flash),
                content);
        try {
            x.res.setStatus(status);
            x.res.setContentType("text/html;charset=utf-8");
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            x.res.setContentLength(bytes.length);
            if (!"HEAD".equals(x.req.getMethod())) {
                x.res.getOutputStream().write(bytes);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "the browser went away");
        }
    }

    private static Html link(Exchange x, String to, String text) {
        boolean current = x.path.equals(to) || x.path.startsWith(to + "/");
        return Html.of(
                "<li><a href=\"{}\"{}>{}</a></li>",
                x.url(to),
                Html.when(current, Html.of(" aria-current=\"page\"")),
                text);
    }

    private void stylesheet(Exchange x) throws IOException {
        try (InputStream in = LocksmithConsole.class.getResourceAsStream("console.css")) {
            byte[] bytes = Objects.requireNonNull(in, "console.css").readAllBytes();
            x.res.setHeader("Cache-Control", "max-age=3600");
            x.res.setContentType("text/css;charset=utf-8");
            x.res.setContentLength(bytes.length);
            try (OutputStream out = x.res.getOutputStream()) {
                out.write(bytes);
            }
        }
    }

    /** Sessions kept now; for tests and metrics. */
    int sessionCount() {
        return sessions.size();
    }

    /** The clock's now, for tests. */
    Instant now() {
        return settings.clock().instant();
    }
}
