package nslab.lang;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number the script wrote, taken only when it is exactly a whole number an int holds: Groovy's
 * own conversion keeps the low 32 bits, so 18446744073709553016 would become an MTU of 1400.
 */
final class WholeNumbers {
    private WholeNumbers() {}

    /** The value, or null when {@code o} is no whole number or does not fit an int. */
    static Integer exact(Object o) {
        try {
            BigDecimal d = o instanceof BigDecimal b ? b
                    : o instanceof BigInteger i ? new BigDecimal(i)
                    : o instanceof Double || o instanceof Float ? BigDecimal.valueOf(((Number) o).doubleValue())
                    : o instanceof Number n ? BigDecimal.valueOf(n.longValue())
                    : Text.of(o).strip().matches("-?\\d+") ? new BigDecimal(Text.of(o).strip()) : null;
            if (d == null) return null;
            return d.intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
