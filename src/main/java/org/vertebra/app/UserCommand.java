package org.vertebra.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.account.AccountProblem;
import org.vertebra.account.AccountService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vertebra user add}: accounts from the command line, such as the first administrator. */
@Command(name = "user", description = "Manages accounts of the editorial desk.", subcommands = UserCommand.Add.class)
public final class UserCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "add", description = "Adds an account; reads its password from standard input (one line).")
    static final class Add implements Callable<Integer> {

        @Option(names = "--email", required = true, description = "the person's email, with which they sign in")
        String email;

        @Option(names = "--name", required = true, description = "the name shown in the admin")
        String name;

        @Option(names = "--role", required = true, description = "admin, editor, author, reviewer or doctor")
        String role;

        @Mixin
        SiteOptions site;

        @Override
        public Integer call() {
            var parsed = AccountRole.parse(role);
            if (parsed.isEmpty()) {
                System.err.println("vertebra: --role must be admin, editor, author, reviewer or doctor, not '" + role + "'");
                return 2;
            }
            String password = readPassword();
            if (password == null || password.length() < AccountService.MIN_PASSWORD_LENGTH) {
                System.err.println("vertebra: the password (one line on standard input) must have at least "
                        + AccountService.MIN_PASSWORD_LENGTH + " characters");
                return 2;
            }
            try (Site opened = Site.open(site.settings(null), Clock.systemUTC())) {
                User user = opened.accounts.addUser(email, name, parsed.get(), password);
                opened.audit.record(org.vertebra.audit.Actor.commandLine("user add"), org.vertebra.audit.AuditAction.ACCOUNT_CREATED,
                        org.vertebra.audit.AuditObject.account(user.id()).withDetail(user.role().key()));
                System.out.printf("added %s <%s> as %s%n", user.name(), user.email(), user.role().key());
                return 0;
            } catch (AccountProblem problem) {
                System.err.println("vertebra: " + problem.getMessage());
                return problem.isConflict() ? 1 : 2;
            }
        }

        /** The first line of standard input, without its line ending; null when there is none. */
        private static String readPassword() {
            try {
                return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
