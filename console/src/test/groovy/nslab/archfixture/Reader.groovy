package nslab.archfixture

import groovy.transform.CompileStatic

/** Code that reads a variable of the environment itself, as ArchitectureSpec must refuse outside Settings. */
@CompileStatic
class Reader {
    static boolean timing() {
        System.getenv('NSLAB_TIMING') != null
    }
}
