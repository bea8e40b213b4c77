package nslab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.check.Problem;
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
                + " /proc/sys, iptables, tc, ping; prompts, sudo, comments, && and ; chains, \\ continuations, commands"
                + " run together and full-width punctuation as web pages print them) and print the lab script that builds what they build; then check the lab as plan does. Changes nothing."},
        footer = {"", "Exit status: 0 every command that builds something was translated and the lab is valid; 1 some"
                + " were not, or the lab has errors (the lab is still written: the commands are listed on stderr with"
                + " their line numbers and kept as comments in it, the lab's problems follow with their fixes, as plan"
                + " prints them); 2 usage error."})
final class ImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.ParentCommand Main main;

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
        boolean valid = validate(r.lab(), output != null ? output.toString() : "<lab on stdout>", err);
        return r.complete() && valid ? ExitCodes.OK : ExitCodes.INVALID_LAB;
    }

    /** Prints the written lab's problems and their fixes, as {@code plan} would; whether it is valid. */
    private boolean validate(String lab, String where, PrintWriter err) {
        LabCompiler.Compiled compiled = new LabCompiler(main.settings().script()).compile(where, lab);
        for (Problem p : compiled.problems()) err.println(p.format());
        int errors = compiled.errors().size();
        if (errors > 0) {
            err.println(where + ": the lab is written, but it is not valid: " + errors + (errors == 1 ? " error" : " errors")
                    + "; apply refuses it until it is fixed as said above");
        }
        err.flush();
        return compiled.ok();
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
