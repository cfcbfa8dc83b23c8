package dev.locksmith.web;

import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.RecordingMailer;
import dev.locksmith.core.testing.TestClock;
import dev.locksmith.core.testing.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reference page's story, walked in a real headless Chromium: an administrator delegates "allowed to set
 * passwords"; the representative signs in, searches, sees the limited view, unlocks a user, sets a password
 * with "email password to user", is refused on an administrator, a directory user and a weak password (every
 * violation shown); the user signs in, is forced to change, changes; a reset link is issued, used once, and
 * refused the second time and after expiry. Every page is screenshotted and scanned by axe-core.
 */
class BrowserStoryTest {
    private static final String PASSWORD = TestUsers.DEFAULT_PASSWORD;
    private static final String NEW = "violet lanterns drift east";
    private static LocksmithFixture f;
    private static Console console;
    private static Browser browser;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() {
        f = LocksmithFixture.create();
        f.given(aUser().named("admin")
                .displayNames("Ada Admin", "Ada (IT)")
                .administrator()
                .email("ada@example.com"));
        f.given(aUser().named("rep")
                .displayNames("Rita Rep", "Rita (support desk)")
                .email("rita@example.com"));
        f.given(aUser().named("alice")
                .displayNames("Alice Liddell", "Alice L. (sales)")
                .email("alice@example.com")
                .comments("Sales, EMEA; phone ext. 4411")
                .failedLogins(10)
                .locked(TestClock.START.minusSeconds(60), null));
        f.given(aUser().named("bob").displayNames("Bob Baker", "Bob B.").failedLogins(2));
        f.given(aUser().named("boss")
                .displayNames("Bea Boss", "Bea B.")
                .administrator()
                .email("bea@example.com"));
        f.given(aUser().named("dave")
                .displayNames("Dave Directory", "Dave D.")
                .email("dave@example.com")
                .fromProvider("corp-ldap"));
        f.given(aUser().named("erin").displayNames("Erin Example", "Erin E.").email("erin@example.com"));
        console = Console.start(
                f,
                b -> b.mailSettings(new java.util.LinkedHashMap<>(
                                java.util.Map.of("SMTP server", "mail.example.com:587 (STARTTLS)")))
                        .mailTester(to -> {}));
        browser = new Browser();
        driver = browser.driver;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (console != null) {
            console.close();
        }
    }

    private static void open(String path) {
        driver.get(console.address().resolve(path.substring(1)).toString());
    }

    private static void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void submit() {
        click(driver.findElement(By.cssSelector("main form[method=post] button[type=submit]")));
    }

    /** Clicks and waits for the next page (every click here navigates: there is no script). */
    private static void click(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // stale, or (a race inside chromedriver) "node does not belong to the document": the page changed
                return true;
            }
        });
    }

    private static void signIn(String username, String password) {
        open("/login");
        type("username", username);
        type("password", password);
        submit();
    }

    private static void signOut() {
        click(driver.findElement(By.cssSelector("form.signout button")));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
    }

    private static String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private static WebElement row(String username) {
        return driver.findElement(By.cssSelector("tr[data-user='" + username + "']"));
    }

    private static List<String> actions(String username) {
        return row(username).findElements(By.cssSelector("td.actions a, td.actions button")).stream()
                .map(e -> e.getAttribute("textContent").trim())
                .toList();
    }

    @Test
    void the_reference_story() throws Exception {
        // An administrator signs in with the keyboard alone, delegates "allowed to set passwords", looks around.
        open("/login");
        browser.check("sign-in");
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
        driver.switchTo().activeElement().sendKeys("admin", org.openqa.selenium.Keys.TAB);
        driver.switchTo().activeElement().sendKeys(PASSWORD, org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/users"));
        assertThat(driver.getCurrentUrl()).contains("/users");
        browser.check("users-administrator");
        assertThat(actions("alice")).contains("Change password of alice", "Edit alice", "Delete alice");
        click(row("rep").findElement(By.cssSelector("a[href$='/users/edit?u=rep']")));
        browser.check("edit-user");
        driver.findElement(By.id("setPasswords")).click();
        submit();
        assertThat(main()).contains("User rep was saved.");
        assertThat(f.user("rep").permissions()).containsExactly(Permission.SET_PASSWORDS);

        open("/users/new");
        browser.check("create-user");
        open("/policy");
        browser.check("password-policy");
        open("/mail");
        browser.check("mail-settings");
        open("/audit?action=EDIT_USER");
        assertThat(main()).contains("EDIT_USER").contains("rep");
        browser.check("audit-trail");
        open("/users/delete?u=bob");
        browser.check("delete-user");
        signOut();

        // The representative signs in, searches, sees the limited view.
        signIn("rep", PASSWORD);
        assertThat(driver.getCurrentUrl()).contains("/users");
        Path repView = browser.check("users-representative");
        Files.createDirectories(Path.of("target"));
        Files.copy(repView, Path.of("target", "users-page.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(main()).contains("Limited view");
        assertThat(driver.findElements(By.partialLinkText("Edit"))).isEmpty();
        assertThat(driver.findElements(By.partialLinkText("Delete"))).isEmpty();
        assertThat(driver.findElements(By.partialLinkText("Create user"))).isEmpty();
        assertThat(actions("alice")).containsExactly("Change password of alice", "Reset failed logins of alice");
        assertThat(actions("boss")).isEmpty();
        assertThat(actions("dave")).isEmpty();
        assertThat(actions("bob")).containsExactly("Change password of bob", "Reset failed logins of bob");
        type("q", "ali");
        click(driver.findElement(By.cssSelector("form.search button")));
        assertThat(driver.findElements(By.cssSelector("tbody tr"))).hasSize(1);
        assertThat(row("alice").getText())
                .contains("Alice Liddell")
                .contains("alice@example.com")
                .contains("Locked");

        // ... unlocks a user
        click(row("alice").findElement(By.cssSelector("td.actions button")));
        assertThat(main()).contains("Failed logins of alice were reset.");
        assertThat(f.user("alice").failedLogins()).isZero();
        assertThat(f.user("alice").lock()).isEmpty();

        // ... opens the change-password form: read-only fields and the requirements before typing
        click(row("alice").findElement(By.cssSelector("a[href$='/users/password?u=alice']")));
        assertThat(main())
                .contains("Username")
                .contains("alice")
                .contains("Alice Liddell")
                .contains("Alice L. (sales)")
                .contains("alice@example.com")
                .contains("Sales, EMEA; phone ext. 4411")
                .contains("Password requirements")
                .contains("From 15 to 128 characters");
        assertThat(driver.findElements(By.cssSelector("dl.fields input"))).isEmpty();
        browser.check("change-password");

        // ... every control of the form is reachable with the keyboard, in reading order
        java.util.List<String> reached = new java.util.ArrayList<>();
        driver.findElement(By.tagName("body")).click();
        for (int i = 0; i < 25; i++) {
            driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            String id = focused.getAttribute("id");
            reached.add(id == null || id.isEmpty() ? focused.getAttribute("value") : id);
        }
        assertThat(reached)
                .containsSubsequence(
                        "newPassword", "confirmPassword", "emailPassword", "mustChange", "set", "generate");

        // ... a weak password: every violation at once, tied to the field
        type("newPassword", "alice123");
        type("confirmPassword", "alice123");
        click(driver.findElement(By.cssSelector("button[value=set]")));
        assertThat(main())
                .contains("There is a problem")
                .contains("It is too short: use at least 15 characters.")
                .contains("It contains the user's username.");
        assertThat(driver.findElement(By.id("newPassword")).getAttribute("aria-describedby"))
                .contains("newPassword-error");
        assertThat(driver.findElement(By.id("newPassword")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(driver.findElements(By.cssSelector("#newPassword-error li"))).hasSizeGreaterThanOrEqualTo(2);
        browser.check("change-password-violations");
        assertThat(f.passwordIs("alice", PASSWORD)).isTrue();

        // ... "generate" fills in a password that meets the policy
        click(driver.findElement(By.cssSelector("button[value=generate]")));
        String generated = driver.findElement(By.id("generated")).getText();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(16);
        assertThat(driver.findElement(By.id("newPassword")).getAttribute("value"))
                .isEqualTo(generated);
        assertThat(driver.findElement(By.id("mustChange")).isSelected()).isTrue();
        browser.check("change-password-generated");

        // ... sets a password with "email password to user"
        type("newPassword", NEW);
        type("confirmPassword", NEW);
        driver.findElement(By.id("emailPassword")).click();
        click(driver.findElement(By.cssSelector("button[value=set]")));
        assertThat(main())
                .contains(
                        "The password of alice was set and emailed to the user; the user must change it at next login.");
        List<RecordingMailer.SentNewPassword> mails = f.mailer().newPasswords();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).to().value()).isEqualTo("alice@example.com");
        assertThat(mails.get(0).password()).isEqualTo(NEW);
        assertThat(f.user("alice").mustChangePassword()).isTrue();
        assertThat(driver.getCurrentUrl()).doesNotContain(NEW.replace(' ', '+')).doesNotContain("violet");

        // ... is refused on an administrator and on a directory user
        open("/users/password?u=boss");
        assertThat(main()).contains("Only an administrator may change an administrator's password");
        browser.check("refused-administrator");
        open("/users/password?u=dave");
        assertThat(main()).contains("managed by a security provider");
        browser.check("refused-directory-user");

        // ... emails a reset link to erin
        open("/users/password?u=erin");
        click(driver.findElement(By.xpath("//button[normalize-space()='Email a reset link']")));
        assertThat(main()).contains("A reset link was emailed to erin@example.com");
        List<Mailer.ResetLink> links = f.mailer().resetLinks();
        assertThat(links).hasSize(1);
        String link = links.get(0).link();
        assertThat(link).startsWith(console.address() + "reset?token=");
        signOut();

        // The user signs in, is forced to change, changes.
        signIn("alice", NEW);
        assertThat(driver.getCurrentUrl()).endsWith("/account");
        assertThat(main()).contains("You must change your password");
        browser.check("forced-change");
        open("/users");
        assertThat(driver.getCurrentUrl()).endsWith("/account");
        type("currentPassword", NEW);
        type("newPassword", "copper kettles hum at dawn");
        type("confirmPassword", "copper kettles hum at dawn");
        submit();
        assertThat(main()).contains("Your password was changed.");
        assertThat(f.passwordIs("alice", "copper kettles hum at dawn")).isTrue();
        assertThat(f.user("alice").mustChangePassword()).isFalse();
        browser.check("my-account");
        signOut();

        // The reset link works once ...
        driver.get(link);
        browser.check("reset-link");
        type("newPassword", "quiet harbours glow blue");
        type("confirmPassword", "quiet harbours glow blue");
        submit();
        assertThat(main()).contains("Your password was changed.");
        assertThat(f.passwordIs("erin", "quiet harbours glow blue")).isTrue();
        browser.check("reset-link-done");
        // ... and is refused the second time
        driver.get(link);
        type("newPassword", "another quiet harbour glows");
        type("confirmPassword", "another quiet harbour glows");
        submit();
        assertThat(main()).contains("This reset link is invalid, already used or expired.");
        browser.check("reset-link-used");
        assertThat(f.passwordIs("erin", "quiet harbours glow blue")).isTrue();

        // ... and a new one is refused after expiry.
        signIn("rep", PASSWORD);
        open("/users/password?u=erin");
        click(driver.findElement(By.xpath("//button[normalize-space()='Email a reset link']")));
        String second = f.mailer().resetLinks().get(1).link();
        signOut();
        f.clock().advance(Duration.ofMinutes(61));
        driver.get(second);
        type("newPassword", "another quiet harbour glows");
        type("confirmPassword", "another quiet harbour glows");
        submit();
        assertThat(main()).contains("This reset link is invalid, already used or expired.");
        assertThat(f.passwordIs("erin", "quiet harbours glow blue")).isTrue();

        // The user signs in with the password the link set.
        signIn("erin", "quiet harbours glow blue");
        assertThat(driver.getCurrentUrl()).endsWith("/account");
        assertThat(driver.findElements(By.linkText("Users"))).isEmpty();
    }
}
