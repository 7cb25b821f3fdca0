package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.account.SignIn;
import picocli.CommandLine;

/** {@code vertebra user add}: the first administrator from the command line, password on standard input. */
class UserCommandTest {

    @TempDir
    Path temp;

    @Test
    void addsAnAccountThatCanSignInWithThePasswordFromStandardInput() {
        Run run = run("a long enough password\n", "user", "add", "--email", "Ada@Example.org", "--name", "Ada Admin",
                "--role", "admin", "--data", data());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("added Ada Admin <ada@example.org> as admin");
        try (Site site = Site.open(new SiteOptionsForTest(data()).settings(), Clock.systemUTC())) {
            assertThat(site.accounts.users()).extracting(User::email, User::role)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ada@example.org", AccountRole.ADMIN));
            assertThat(site.accounts.signIn("ada@example.org", "a long enough password", "127.0.0.1"))
                    .isInstanceOf(SignIn.SignedIn.class);
        }
    }

    @Test
    void refusesAShortPasswordOrAnUnknownRoleWithExitCodeTwo() {
        Run shortPassword = run("too short\n", "user", "add", "--email", "a@example.org", "--name", "A", "--role", "editor",
                "--data", data());
        Run noInput = run("", "user", "add", "--email", "a@example.org", "--name", "A", "--role", "editor", "--data", data());
        Run badRole = run("a long enough password\n", "user", "add", "--email", "a@example.org", "--name", "A",
                "--role", "owner", "--data", data());
        Run badEmail = run("a long enough password\n", "user", "add", "--email", "nobody", "--name", "A",
                "--role", "author", "--data", data());

        assertThat(shortPassword.exitCode).isEqualTo(2);
        assertThat(shortPassword.err).contains("at least 12 characters");
        assertThat(noInput.exitCode).isEqualTo(2);
        assertThat(badRole.exitCode).isEqualTo(2);
        assertThat(badRole.err).contains("admin, editor, author, reviewer or doctor");
        assertThat(badEmail.exitCode).isEqualTo(2);
        assertThat(badEmail.err).contains("email address");
    }

    @Test
    void refusesAnEmailAlreadyUsedWithExitCodeOne() {
        String[] args = {"user", "add", "--email", "a@example.org", "--name", "A", "--role", "author", "--data", data()};
        assertThat(run("a long enough password\n", args).exitCode).isZero();

        Run again = run("another long password\n", args);

        assertThat(again.exitCode).isEqualTo(1);
        assertThat(again.err).contains("already exists");
    }

    private String data() {
        return temp.resolve("data").toString();
    }

    /** The settings a command with {@code --data} resolves. */
    private record SiteOptionsForTest(String data) {
        Settings settings() {
            return new SettingsLoader(java.util.Map.of()).load(new SettingsLoader.Overrides(null, Path.of(data), null));
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine commandLine = org.vertebra.Vertebra.commandLine(args);
            commandLine.setErr(new PrintWriter(new StringWriter()));
            int code = commandLine.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
