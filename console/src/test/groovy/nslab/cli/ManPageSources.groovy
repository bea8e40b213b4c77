package nslab.cli

import picocli.codegen.docgen.manpage.ManPageGenerator

/**
 * Build step (exec-maven-plugin, package phase): writes the AsciiDoc man page sources of nslab and
 * of each of its commands, with picocli's generator, from the command model the program runs
 * ({@link Main#commandLine}: the verbs are added there, not by annotations). Asciidoctor then
 * turns them into man pages (console/target/man/). It lives with the tests to keep
 * picocli-codegen out of the jar.
 */
class ManPageSources {
    static void main(String[] args) {
        int status = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], false,
                Main.commandLine().commandSpec)
        if (status != 0) throw new IllegalStateException("picocli's man page generator exited $status")
    }
}
