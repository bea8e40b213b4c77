package nslab.archfixture.cycle.b

import nslab.archfixture.cycle.a.Front

/** The other half of the cycle: b depends on a, a on b. */
class Back {
    Front front
}
