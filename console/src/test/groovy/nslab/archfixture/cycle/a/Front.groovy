package nslab.archfixture.cycle.a

import nslab.archfixture.cycle.b.Back

/** Half of a package cycle that ArchitectureSpec must find. */
class Front {
    Back back
}
