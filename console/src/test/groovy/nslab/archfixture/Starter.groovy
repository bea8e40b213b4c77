package nslab.archfixture

import groovy.transform.CompileStatic

/** Code that starts a process of its own, as ArchitectureSpec must refuse outside ProcessLauncher. */
@CompileStatic
class Starter {
    static Process start() {
        new ProcessBuilder('true').start()
    }
}
