package nslab.cli

/**
 * Runs several nslab commands in one JVM, for kernel specs inside a sandbox (a JVM start is most
 * of a short command's time): the argument lists are separated by {@code ;;}, each is run as
 * {@code nslab ARGS} would run it, and {@code === exit N} follows its output. Exits with the
 * status of the last.
 */
class CommandSequence {
    static void main(String[] args) {
        int status = 0
        List<String> current = []
        (args.toList() + [';;']).each { String a ->
            if (a != ';;') { current << a; return }
            System.out.flush()
            status = Main.run(current as String[])
            System.out.flush()
            println "=== exit $status"
            current = []
        }
        System.exit(status)
    }
}
