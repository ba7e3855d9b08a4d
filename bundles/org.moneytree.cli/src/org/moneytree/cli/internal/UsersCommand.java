package org.moneytree.cli.internal;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.moneytree.api.user.Role;
import org.moneytree.api.user.User;
import org.moneytree.api.user.UserDirectory;
import org.moneytree.api.user.UserException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code moneytree users list|add|password|role|remove}: the users of the web console, kept in the workspace
 * database. Passwords are read from the terminal without echo, from standard input when it is not a terminal
 * (one line), or from a file; they never appear on the command line, where other users of the machine could
 * see them in the process list.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = { "Lists, adds and removes the users of the web console, and changes their passwords and roles.",
                "列出、添加和删除网页控制台的用户，修改其密码和角色。" })
final class UsersCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandFailure.BAD_INPUT;
    }

    /** What every users subcommand has: the platform, the output and the language of its texts. */
    abstract static class Subcommand implements Callable<Integer> {

        @Mixin
        private LanguageOption language;

        final CommandLineRunner.Platform platform;
        final PrintWriter out;

        Subcommand(CommandLineRunner.Platform platform, PrintWriter out) {
            this.platform = platform;
            this.out = out;
        }

        Locale locale() {
            return language.locale();
        }

        Messages messages() {
            return new Messages(language.locale(), "users");
        }

        UserDirectory users() {
            return platform.users();
        }
    }

    /** A change the directory refused (a name taken, the last admin...): bad input, its message on one line. */
    @FunctionalInterface
    interface Change<T> {
        T run() throws UserException;
    }

    static <T> T refusedIsBadInput(Change<T> change) {
        try {
            return change.run();
        } catch (UserException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, e.getMessage());
        }
    }

    static Role role(String id) {
        try {
            return Role.forId(id);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, e.getMessage());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = { "Lists the users with their roles and last logins.", "列出用户及其角色和最近登录时间。" })
    static final class ListUsers extends Subcommand {

        ListUsers(CommandLineRunner.Platform platform, PrintWriter out) {
            super(platform, out);
        }

        @Override
        public Integer call() {
            Messages messages = messages();
            List<User> users = users().users();
            if (users.isEmpty()) {
                out.println(messages.get("none"));
                return 0;
            }
            TextTable table = new TextTable(20, 8, 16, 16);
            table.row(messages.get("header.name"), messages.get("header.role"), messages.get("header.created"),
                    messages.get("header.lastLogin"));
            for (User user : users) {
                table.row(user.name(), user.role().label(locale()), time(user.created()),
                        user.lastLogin() == null ? messages.get("never") : time(user.lastLogin()));
            }
            table.print(out);
            return 0;
        }

        private static String time(Instant instant) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(ZoneId.systemDefault()));
        }
    }

    /** Where a new password comes from: {@code --password-file}, else the terminal, else standard input. */
    abstract static class PasswordSubcommand extends Subcommand {

        @Option(names = "--password-file", paramLabel = "FILE",
                description = { "Read the password from the first line of this file (UTF-8) instead of the terminal"
                        + " or standard input.", "从该文件（UTF-8）的第一行读取密码，而不是从终端或标准输入读取。" })
        private Path passwordFile;

        PasswordSubcommand(CommandLineRunner.Platform platform, PrintWriter out) {
            super(platform, out);
        }

        /** The new password; the caller clears it. */
        char[] readPassword(String name) {
            Messages messages = messages();
            char[] password;
            if (passwordFile != null) {
                password = fromFile(passwordFile, messages);
            } else {
                Console console = System.console();
                password = console != null ? fromTerminal(console, name, messages) : fromStandardInput(messages);
            }
            if (password.length == 0) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("emptyPassword"));
            }
            return password;
        }

        private static char[] fromTerminal(Console console, String name, Messages messages) {
            char[] first = console.readPassword("%s", messages.get("prompt", name));
            char[] second = null;
            try {
                if (first == null) {
                    throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("emptyPassword"));
                }
                second = console.readPassword("%s", messages.get("promptAgain"));
                if (second == null || !Arrays.equals(first, second)) {
                    throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("mismatch"));
                }
                return first;
            } catch (RuntimeException e) {
                clear(first);
                throw e;
            } finally {
                clear(second);
            }
        }

        private static char[] fromStandardInput(Messages messages) {
            try {
                return firstLine(new InputStreamReader(nonClosing(System.in), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("unreadable", messages.get("stdin"),
                        CommandFailure.oneLine(e)));
            }
        }

        private static char[] fromFile(Path file, Messages messages) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return firstLine(reader);
            } catch (NoSuchFileException e) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noFile", file));
            } catch (IOException e) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("unreadable", file,
                        CommandFailure.oneLine(e)));
            }
        }

        /**
         * The characters up to the first line break, without it, read into an array that can be cleared (a
         * String could not be). A UTF-8 byte order mark at the start is dropped.
         */
        static char[] firstLine(Reader reader) throws IOException {
            char[] buffer = new char[64];
            int length = 0;
            int c;
            while ((c = reader.read()) >= 0 && c != '\n') {
                if (length == 0 && c == '\uFEFF') {
                    continue;
                }
                if (length == buffer.length) {
                    char[] larger = Arrays.copyOf(buffer, buffer.length * 2);
                    clear(buffer);
                    buffer = larger;
                }
                buffer[length++] = (char) c;
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            char[] line = Arrays.copyOf(buffer, length);
            clear(buffer);
            return line;
        }

        private static InputStream nonClosing(InputStream in) {
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                    // Standard input stays open for the platform.
                }
            };
        }
    }

    static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = { "Adds a user; asks for the password (at least 10 characters).",
                    "添加用户；询问密码（至少 10 个字符）。" })
    static final class AddUser extends PasswordSubcommand {

        @Parameters(paramLabel = "NAME", description = "Login name: 1 to 64 letters, digits, '.', '_', '-' or '@'.")
        private String name;

        @Option(names = "--role", required = true, paramLabel = "admin|analyst",
                description = { "admin: also installs plugins and manages users; analyst: reads and exports reports.",
                        "admin：还可安装插件和管理用户；analyst：查看和导出报表。" })
        private String role;

        AddUser(CommandLineRunner.Platform platform, PrintWriter out) {
            super(platform, out);
        }

        @Override
        public Integer call() {
            Role chosen = role(role);
            UserDirectory users = users();
            if (users.user(name).isPresent()) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages().get("exists", name));
            }
            char[] password = readPassword(name);
            try {
                User user = refusedIsBadInput(() -> users.create(name, chosen, password));
                out.println(messages().get("added", user.name(), user.role().label(locale())));
            } finally {
                clear(password);
            }
            return 0;
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = { "Sets a user's password.", "设置用户的密码。" })
    static final class ChangePassword extends PasswordSubcommand {

        @Parameters(paramLabel = "NAME", description = "The user.")
        private String name;

        ChangePassword(CommandLineRunner.Platform platform, PrintWriter out) {
            super(platform, out);
        }

        @Override
        public Integer call() {
            UserDirectory users = users();
            if (users.user(name).isEmpty()) {
                // Told before the password is asked for, not after.
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages().get("noUser", name));
            }
            char[] password = readPassword(name);
            try {
                refusedIsBadInput(() -> {
                    users.changePassword(name, password);
                    return null;
                });
                out.println(messages().get("passwordChanged", name));
            } finally {
                clear(password);
            }
            return 0;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true,
            description = { "Changes a user's role; the last admin stays one.", "修改用户的角色；最后一位管理员不能降级。" })
    static final class ChangeRole extends Subcommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The user.")
        private String name;

        @Parameters(index = "1", paramLabel = "ROLE", description = "admin or analyst.")
        private String role;

        ChangeRole(CommandLineRunner.Platform platform, PrintWriter out) {
            super(platform, out);
        }

        @Override
        public Integer call() {
            Role chosen = role(role);
            UserDirectory users = users();
            User user = refusedIsBadInput(() -> users.changeRole(name, chosen));
            out.println(messages().get("roleChanged", user.name(), user.role().label(locale())));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = { "Removes a user; the last admin cannot be removed.", "删除用户；最后一位管理员不能删除。" })
    static final class RemoveUser extends Subcommand {

        @Parameters(paramLabel = "NAME", description = "The user.")
        private String name;

        RemoveUser(CommandLineRunner.Platform platform, PrintWriter out) {
            super(platform, out);
        }

        @Override
        public Integer call() {
            UserDirectory users = users();
            refusedIsBadInput(() -> {
                users.delete(name);
                return null;
            });
            out.println(messages().get("removed", name));
            return 0;
        }
    }
}
