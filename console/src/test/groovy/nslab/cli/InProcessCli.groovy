package nslab.cli

import picocli.CommandLine

/**
 * Runs {@code nslab ARGS} in this JVM, as a user would on the command line, through the tree the
 * command line builds for those arguments: exit status, stdout, stderr.
 */
trait InProcessCli {
    Map run(String... args) {
        runOn(CommandTree.forArguments(nslab.command.Settings.fromEnvironment(), args), args)
    }

    /** The same through a given command tree. */
    Map runOn(CommandLine cl, String... args) {
        def out = new StringWriter()
        def err = new StringWriter()
        cl.out = new PrintWriter(out, true)
        cl.err = new PrintWriter(err, true)
        int exit = cl.execute(args)
        [exit: exit, out: out.toString(), err: err.toString()]
    }
}
