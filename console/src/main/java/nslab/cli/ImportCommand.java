package nslab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nslab.imports.ImportModel;
import nslab.imports.ShellImporter;
import nslab.command.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nslab import FILE.sh|- [-o LAB.groovy]}: shell commands from a tutorial, written as a lab. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read shell commands as pasted from a tutorial (ip, ifconfig, route, brctl, sysctl, writes to"
                + " /proc/sys, iptables, tc, ping; prompts, sudo, comments, && and ; chains, \\ continuations) and"
                + " print the lab script that builds what they build. Changes nothing."},
        footer = {"", "Exit status: 0 every command that builds something was translated; 1 some were not (the lab is"
                + " still written: they are listed on stderr with their line numbers, and as comments in it);"
                + " 2 usage error."})
final class ImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.sh", description = "the commands; - reads them from standard input")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "LAB.groovy", description = "write the lab to this file instead of printing it")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = read(err);
        if (text == null) return ExitCodes.USAGE;
        boolean stdin = input.equals("-");
        String labName = ShellImporter.labNameOf(output != null ? output.toString() : stdin ? "" : input);
        ShellImporter.Result r = ShellImporter.importText(text, stdin ? null : Path.of(input).getFileName().toString(), labName);
        for (ImportModel.Note n : r.untranslated()) {
            err.println((stdin ? "<stdin>" : input) + ":" + n.line() + ": not translated: " + n.command() + " — " + n.reason());
        }
        err.flush();
        if (output != null) {
            try {
                Files.writeString(output, r.lab());
            } catch (IOException e) {
                err.println(output + ": cannot write: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            out.println("wrote " + output);
        } else {
            out.print(r.lab());
        }
        out.flush();
        return r.complete() ? ExitCodes.OK : ExitCodes.INVALID_LAB;
    }

    /** The input's text, or null after saying why there is none. */
    private String read(PrintWriter err) {
        try {
            if (input.equals("-")) {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(System.in.readAllBytes())).toString();
            }
            Path file = Path.of(input);
            if (!Files.isRegularFile(file)) {
                err.println(input + ": no such file");
                return null;
            }
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            err.println(input + ": not UTF-8 text");
        } catch (IOException e) {
            err.println(input + ": cannot read: " + e.getMessage());
        }
        return null;
    }
}
